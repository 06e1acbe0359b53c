'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { extendSession, sessionKeys, sessionStatusOptions, type ReceivedSessionStatus } from '@/lib/queries/session';
import { SESSION_WARNING_MS } from '@/lib/session-activity';
import { signOutNow } from './sign-out-button';

/** m:ss, rounded up: the warning never shows 0:00 while time is left. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Where the session stands by the server's clock, estimated from the last answer and the time since. */
function timing(status: ReceivedSessionStatus, clientNow: number) {
  const offset = Date.parse(status.serverNow) - status.receivedAt;
  const deadline = Math.min(Date.parse(status.idleExpiresAt), Date.parse(status.absoluteExpiresAt));
  return {
    remaining: deadline - (clientNow + offset),
    // An answer from inside the warning window is fresh enough to warn on; an older one may
    // predate activity (in this tab or another) that moved the deadline, so it is asked again first.
    answeredInWindow: Date.parse(status.serverNow) >= deadline - SESSION_WARNING_MS - 1000,
  };
}

/**
 * Warns 2 minutes before the idle sign-out (ASVS V7.3): an alertdialog that takes the focus and
 * counts down; "Stay signed in" is user activity and moves the deadline, "Sign out" signs out.
 * Reading the deadline never extends it. When the time is up, asking again gets a 401 and the
 * API client takes the browser to the login page, which says why.
 */
export function SessionTimeoutWarning() {
  const queryClient = useQueryClient();
  const { data, refetch, isFetching } = useQuery(sessionStatusOptions());
  const [now, setNow] = useState(() => Date.now());
  const stay = useMutation({
    mutationFn: extendSession,
    onSuccess: (status) => queryClient.setQueryData(sessionKeys.status(), status),
  });

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const state = data ? timing(data, now) : null;
  const due = state !== null && state.remaining <= SESSION_WARNING_MS;
  const needsCheck = due && (!state.answeredInWindow || state.remaining <= 0);
  useEffect(() => {
    if (needsCheck && !isFetching) void refetch();
  }, [needsCheck, isFetching, refetch, now]);

  const open = due && state.answeredInWindow && state.remaining > 0;
  if (!open) return null;
  const countdown = formatCountdown(state.remaining);
  return (
    <Dialog open onOpenChange={(next) => (next ? undefined : stay.mutate())}>
      <DialogContent
        role="alertdialog"
        title="Your session is about to end"
        description={
          <>
            You will be signed out in <span className="font-medium tabular-nums">{countdown}</span> because of inactivity.
          </>
        }
        // The countdown changes every second; only its opening is announced (the alertdialog).
        onPointerDownOutside={(event) => event.preventDefault()}
      >
        <div className="flex flex-wrap gap-2">
          {/* First, so the focus lands on it when the dialog opens. */}
          <Button onClick={() => stay.mutate()} disabled={stay.isPending}>
            Stay signed in
          </Button>
          <Button variant="secondary" onClick={signOutNow}>
            Sign out
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
