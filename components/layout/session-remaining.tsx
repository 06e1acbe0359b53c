'use client';

import { useQuery } from '@tanstack/react-query';
import { LocalTime } from '@/components/ui/local-time';
import { useNow } from '@/components/ui/use-now';
import { sessionStatusOptions } from '@/lib/queries/session';
import { sessionRemaining, sessionRemainingText } from '@/lib/session-remaining';

/**
 * The session's time left, counted down every second from the server's last answer (the
 * same query the sign-out warning polls; reading it never extends the session).
 */
export function SessionRemaining() {
  const { data, isError } = useQuery(sessionStatusOptions());
  const now = useNow(1000);
  if (!data) {
    return <p className="text-sm text-muted">{isError ? 'The session’s time left could not be read.' : 'Reading the session’s time left…'}</p>;
  }
  const remaining = sessionRemaining(data, now);
  return (
    <div className="space-y-0.5 text-sm" data-testid="session-remaining">
      <p className="font-medium tabular-nums">{sessionRemainingText(remaining)}</p>
      <p className="text-muted">
        At the latest at <LocalTime iso={data.absoluteExpiresAt} />, whatever you do.
      </p>
    </div>
  );
}
