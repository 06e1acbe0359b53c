'use client';

import { Button } from '@/components/ui/button';
import { isDatabaseUnavailableDigest } from '@/lib/database-unavailable';
import { useRequestId } from './request-id';

// What a person sees when something unexpected fails: a short message and the reference
// an administrator looks up in the server log (never the error's message or stack).
export function ErrorNotice({ digest, reset }: { digest?: string; reset: () => void }) {
  const requestId = useRequestId();
  // The server marks a lost database in the digest (server/database-unavailable.ts): a restart passes.
  const databaseAway = isDatabaseUnavailableDigest(digest);
  return (
    <div role="alert" className="rounded-md border border-danger bg-danger-bg p-6">
      <h1 className="text-lg font-semibold text-danger">{databaseAway ? 'The database is not reachable' : 'Something went wrong'}</h1>
      <p className="mt-1 text-sm">
        {databaseAway
          ? 'Try again in a moment; if it keeps happening, tell your administrator and quote the reference below.'
          : 'Nothing was changed. Try again; if it keeps happening, tell your administrator and quote the reference below.'}
      </p>
      <dl className="mt-3 text-sm">
        {requestId && (
          <div className="flex gap-2">
            <dt className="text-muted">Request id</dt>
            <dd className="font-mono" data-testid="request-id">
              {requestId}
            </dd>
          </div>
        )}
        {digest && (
          <div className="flex gap-2">
            <dt className="text-muted">Error reference</dt>
            <dd className="font-mono">{digest}</dd>
          </div>
        )}
      </dl>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
