'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { Field } from '@/components/ui/field';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ROLE_LABELS } from '@/lib/format';
import { createUser, userKeys } from '@/lib/queries/users';
import type { CreatedUser, UserRole, UserView } from '@/lib/schemas/user';
import { ROLES } from '@/lib/schemas/user-values';
import { InitialPasswordPanel } from './initial-password-panel';
import { ErrorSummary } from '@/components/ui/error-summary';

const FIELDS = ['email', 'name', 'role', 'unit'] as const;

/** "Create user": the form, then the initial password, once. */
export function CreateUserDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button">Create user</Button>
      </DialogTrigger>
      {/* Mounted only while open, so the password held in its state is dropped when the dialog closes. */}
      {open ? <CreateUserFlow /> : null}
    </Dialog>
  );
}

function CreateUserFlow() {
  // Not useMutation: its cache would keep the answer, password included, after the dialog closes.
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [pending, setPending] = useState(false);
  const keepOpen = (event: Event) => {
    // A click beside the dialog must not throw away the password, nor a user still being created.
    if (pending || created) event.preventDefault();
  };
  if (created) {
    return (
      <DialogContent title="User created" description="Give the initial password to the person by a channel other than their email." onInteractOutside={keepOpen} className="w-[min(40rem,calc(100vw-2rem))]">
        <InitialPasswordPanel created={created} />
      </DialogContent>
    );
  }
  return (
    <DialogContent
      title="Create user"
      description="The person signs in with a one-time initial password, shown once right after creation, and must choose their own at once."
      onInteractOutside={keepOpen}
      onEscapeKeyDown={(event) => {
        if (pending) event.preventDefault();
      }}
    >
      <CreateUserForm pending={pending} setPending={setPending} onCreated={setCreated} />
    </DialogContent>
  );
}

function CreateUserForm({ pending, setPending, onCreated }: { pending: boolean; setPending: (pending: boolean) => void; onCreated: (created: CreatedUser) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<{ email: string; name: string; role: UserRole | ''; unit: string }>({ email: '', name: '', role: '', unit: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const set = (field: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const { createUserSchema } = await import('@/lib/schemas/user'); // zod loads with the first submit, not with the page
    const parsed = createUserSchema.safeParse({ ...values, role: values.role || undefined });
    setMessage(null);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await createUser(parsed.data);
      queryClient.setQueryData<UserView[]>(userKeys.list(), (items) => (items ? [result.user, ...items.filter((item) => item.id !== result.user.id)] : items));
      void queryClient.invalidateQueries({ queryKey: userKeys.list() });
      setPending(false);
      onCreated(result);
    } catch (error) {
      const shown = apiErrors(error, 'The user could not be created. Try again.', FIELDS);
      setErrors(shown.fieldErrors);
      setMessage(shown.message);
      setPending(false);
      focusFirstInvalid(form);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      <ErrorSummary
        errors={errors}
        fields={[
          { key: 'name', id: `${id}-name`, label: 'Name' },
          { key: 'email', id: `${id}-email`, label: 'Email' },
          { key: 'role', id: `${id}-role`, label: 'Role' },
          { key: 'unit', id: `${id}-unit`, label: 'Unit' },
        ]}
      />
      <Field id={`${id}-name`} label="Name" error={errors.name}>
        {(control) => <Input {...control} value={values.name} maxLength={100} autoComplete="off" aria-required onChange={(event) => set('name')(event.target.value)} />}
      </Field>
      <Field id={`${id}-email`} label="Email" hint="They sign in with it." error={errors.email}>
        {(control) => <Input {...control} type="email" value={values.email} maxLength={254} autoComplete="off" aria-required onChange={(event) => set('email')(event.target.value)} />}
      </Field>
      <Field id={`${id}-role`} label="Role" hint="What they may do; each role sees only what its work needs." error={errors.role}>
        {(control) => (
          <Select {...control} value={values.role} aria-required onChange={(event) => set('role')(event.target.value)}>
            <option value="">Choose a role</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${id}-unit`} label="Unit" hint="E.g. “PIU Frankfurt”." error={errors.unit}>
        {(control) => <Input {...control} value={values.unit} maxLength={100} autoComplete="off" aria-required onChange={(event) => set('unit')(event.target.value)} />}
      </Field>
      <DialogFormFooter message={message} pending={pending} submit="Create user" pendingLabel="Creating…" />
    </form>
  );
}
