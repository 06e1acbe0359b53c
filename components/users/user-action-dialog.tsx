'use client';

import { toast } from '@/components/ui/toast';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ApiError } from '@/lib/api-client';
import { resetUserTotp, setUserActive, unlockUser } from '@/lib/queries/users';
import type { UserView } from '@/lib/schemas/user';
import { useUserMutation } from './use-user-mutation';
import { userNameId } from './user-labels';

type Action = 'deactivate' | 'reactivate' | 'unlock' | 'reset-totp';

const TEXT: Readonly<Record<Action, { title: string; confirm: string; pending: string; done: string; explain: string }>> = {
  deactivate: {
    title: 'Deactivate user',
    confirm: 'Deactivate',
    pending: 'Deactivating…',
    done: 'deactivated',
    explain: 'They are signed out at once and cannot sign in until an administrator reactivates the account. Their past work and its record stay.',
  },
  reactivate: {
    title: 'Reactivate user',
    confirm: 'Reactivate',
    pending: 'Reactivating…',
    done: 'reactivated',
    explain: 'They can sign in again with their password, in their current role.',
  },
  unlock: {
    title: 'Unlock user',
    confirm: 'Unlock',
    pending: 'Unlocking…',
    done: 'unlocked',
    explain: 'The account was locked after too many wrong passwords. Unlock it only when you know the person made them, not someone guessing.',
  },
  'reset-totp': {
    title: 'Reset two-step sign-in',
    confirm: 'Reset two-step sign-in',
    pending: 'Resetting…',
    done: 'reset: two-step sign-in is off until they set it up again',
    explain: 'For a lost or replaced phone. They sign in with their password alone (or are asked to set it up again, where their role requires it). Make sure it is really them asking.',
  },
};

function run(user: UserView, action: Action): Promise<UserView> {
  if (action === 'unlock') return unlockUser(user.id);
  if (action === 'reset-totp') return resetUserTotp(user.id);
  return setUserActive(user.id, action === 'reactivate');
}

/** Asks before deactivating, reactivating, unlocking a user or resetting their second factor, naming them. */
export function UserActionDialog({ pending, onOpenChange }: { pending: { user: UserView; action: Action } | null; onOpenChange: (open: boolean) => void }) {
  const mutation = useUserMutation((variables: { user: UserView; action: Action }) => run(variables.user, variables.action));
  const { reset } = mutation;
  const text = pending ? TEXT[pending.action] : null;

  function confirm() {
    if (!pending || mutation.isPending) return;
    const { user, action } = pending;
    mutation.mutate(pending, {
      onSuccess: () => {
        toast.success(`${user.name} ${TEXT[action].done}`);
        onOpenChange(false);
      },
    });
  }

  return (
    <ConfirmDialog
      open={pending !== null && text !== null}
      onOpenChange={(open) => {
        if (!open) reset();
        onOpenChange(open);
      }}
      title={text?.title ?? ''}
      description={
        pending && text ? (
          <>
            {text.confirm} {pending.user.name} ({pending.user.email})? {text.explain}
          </>
        ) : null
      }
      confirmLabel={text?.confirm ?? ''}
      pendingLabel={text?.pending}
      pending={mutation.isPending}
      error={mutation.isError ? (mutation.error instanceof ApiError ? mutation.error.message : 'The change could not be made. Try again.') : null}
      destructive={pending?.action === 'deactivate'}
      onConfirm={confirm}
      onCloseAutoFocus={(event) => {
        const target = pending ? document.getElementById(userNameId(pending.user.id)) : null;
        if (target) {
          event.preventDefault();
          target.focus();
        }
      }}
    />
  );
}
