'use client';

import { useId, useState, type FormEvent } from 'react';
import { toast } from '@/components/ui/toast';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { ApiError } from '@/lib/api-client';
import { ROLE_LABELS } from '@/lib/format';
import { changeUserRole } from '@/lib/queries/users';
import type { UserRole, UserView } from '@/lib/schemas/user';
import { ROLES } from '@/lib/schemas/user-values';
import { useUserMutation } from './use-user-mutation';
import { userNameId } from './user-labels';

/** Changes another user's role; they are signed out at once and sign in with the new role. */
export function ChangeRoleDialog({ user, onOpenChange }: { user: UserView | null; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={user !== null} onOpenChange={onOpenChange}>
      {user ? (
        <DialogContent
          title={`Change the role of ${user.name}`}
          description="They are signed out at once and see the new role from their next sign-in. The change is recorded in the access log."
          onCloseAutoFocus={(event) => {
            const target = document.getElementById(userNameId(user.id));
            if (target) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          <ChangeRoleForm key={user.id} user={user} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function ChangeRoleForm({ user, onDone }: { user: UserView; onDone: () => void }) {
  const id = useId();
  const [role, setRole] = useState<UserRole>(user.role);
  const change = useUserMutation((next: UserRole) => changeUserRole(user.id, { role: next }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    if (role === user.role) {
      onDone();
      return;
    }
    change.mutate(role, {
      onSuccess: (updated) => {
        toast.success(`${updated.name} is now ${ROLE_LABELS[updated.role].toLowerCase()}`);
        onDone();
      },
    });
  }

  const message = change.isError ? (change.error instanceof ApiError ? change.error.message : 'The role could not be changed. Try again.') : null;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field id={`${id}-role`} label="Role" hint={`Now: ${ROLE_LABELS[user.role]}.`}>
        {(control) => (
          <Select {...control} value={role} onChange={(event) => setRole(event.target.value as UserRole)}>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <DialogFormFooter message={message} pending={change.isPending} submit="Change role" pendingLabel="Changing…" />
    </form>
  );
}
