'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { apiTokenListOptions } from '@/lib/queries/admin';
import type { ApiTokenView } from '@/lib/schemas/api-token';
import { ApiTokenTable } from './api-token-table';
import { CreateApiTokenDialog } from './create-api-token-dialog';
import { RevokeApiTokenDialog } from './revoke-api-token-dialog';

const EMPTY =
  'No API tokens yet. Create one for each system that sends data to Proportio — an airline gateway, an external screening engine — with only the scopes it needs.';

/** The administrator's tokens: first read on the server, then kept by the client's query. */
export function ApiTokenList({ initialItems, renderedAt }: { initialItems: ApiTokenView[]; renderedAt: number }) {
  const { data: items, isError, error } = useQuery({ ...apiTokenListOptions(), initialData: initialItems, initialDataUpdatedAt: renderedAt });
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const onRevoke = useCallback((token: ApiTokenView) => setRevoking(token), []);
  const active = items.filter((item) => item.state === 'active').length;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p id="api-token-list-description" className="text-sm text-muted">
          {items.length} {items.length === 1 ? 'token' : 'tokens'}, {active} active; newest first, revoked ones last. Only a token’s prefix is kept in
          clear: its secret was shown once, when it was created.
        </p>
        <CreateApiTokenDialog />
      </div>
      {isError ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          Could not refresh the list: {error instanceof ApiError ? error.message : 'the server did not answer.'} The list below is the last one loaded.
        </p>
      ) : null}
      <ApiTokenTable items={items} emptyState={EMPTY} onRevoke={onRevoke} />
      <RevokeApiTokenDialog token={revoking} onOpenChange={(open) => (open ? undefined : setRevoking(null))} />
    </div>
  );
}
