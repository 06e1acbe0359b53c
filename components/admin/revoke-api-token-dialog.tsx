'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { toast } from '@/components/ui/toast';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ApiError } from '@/lib/api-client';
import { adminKeys, revokeApiToken } from '@/lib/queries/admin';
import type { ApiTokenView } from '@/lib/schemas/api-token';
import { tokenLabel } from './api-token-labels';
import { apiTokenNameId, revokeButtonId } from './api-token-table';

function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeApiToken(id),
    onSuccess: (token) => {
      queryClient.setQueryData<ApiTokenView[]>(adminKeys.apiTokens(), (items) => items?.map((item) => (item.id === token.id ? token : item)));
      void queryClient.invalidateQueries({ queryKey: adminKeys.apiTokens() });
    },
    onError: (error) => {
      // Revoked meanwhile by someone else: show what is true now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) void queryClient.invalidateQueries({ queryKey: adminKeys.apiTokens() });
    },
  });
}

/** Asks before revoking, naming the token: revocation is immediate and cannot be undone. */
export function RevokeApiTokenDialog({ token, onOpenChange }: { token: ApiTokenView | null; onOpenChange: (open: boolean) => void }) {
  const revoke = useRevokeApiToken();
  const revoked = useRef<string | null>(null);
  const { reset } = revoke;

  function confirm() {
    if (!token || revoke.isPending) return;
    const { id, name } = token;
    revoke.mutate(id, {
      onSuccess: () => {
        revoked.current = id;
        toast.success(`API token “${name}” revoked`);
        onOpenChange(false);
      },
    });
  }

  return (
    <ConfirmDialog
      open={token !== null}
      onOpenChange={(open) => {
        if (!open) reset();
        onOpenChange(open);
      }}
      title="Revoke API token"
      description={
        token ? (
          <>
            Revoke “{token.name}” (<code className="font-mono">{tokenLabel(token.prefix)}</code>)? Every system that uses it is refused from its next request.{' '}
            <strong className="font-semibold text-fg">This cannot be undone</strong>; to restore access, create a new token.
          </>
        ) : null
      }
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      pending={revoke.isPending}
      error={revoke.isError ? (revoke.error instanceof ApiError ? revoke.error.message : 'The token could not be revoked. Try again.') : null}
      destructive
      onConfirm={confirm}
      onCloseAutoFocus={(event) => {
        if (!token) return;
        // Opened from a row, not a DialogTrigger: put focus back on that row. After a revocation its button is gone.
        const id = token.id;
        const target = revoked.current === id ? document.getElementById(apiTokenNameId(id)) : (document.getElementById(revokeButtonId(id)) ?? document.getElementById(apiTokenNameId(id)));
        revoked.current = null;
        if (target) {
          event.preventDefault();
          target.focus();
        }
      }}
    />
  );
}
