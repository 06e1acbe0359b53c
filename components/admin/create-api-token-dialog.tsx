'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { Field } from '@/components/ui/field';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { adminKeys, createApiToken } from '@/lib/queries/admin';
import type { ApiTokenScope, ApiTokenView, CreatedApiToken } from '@/lib/schemas/api-token';
import { ApiTokenSecretPanel } from './api-token-secret-panel';
import { ScopeCheckboxes } from './scope-checkboxes';
import { ErrorSummary } from '@/components/ui/error-summary';

const FIELDS = ['name', 'scopes', 'expiresInDays'] as const;

/** "Create token": the form, then the secret, once. */
export function CreateApiTokenDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button">Create token</Button>
      </DialogTrigger>
      {/* Mounted only while open, so the secret held in its state is dropped when the dialog closes. */}
      {open ? <CreateApiTokenFlow /> : null}
    </Dialog>
  );
}

function CreateApiTokenFlow() {
  // Not useMutation: its cache would keep the answer, secret included, after the dialog closes.
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [pending, setPending] = useState(false);
  const keepOpen = (event: Event) => {
    // A click beside the dialog must not throw away a secret, nor one still being created.
    if (pending || created) event.preventDefault();
  };
  if (created) {
    return (
      <DialogContent
        title="API token created"
        description="Store the secret where the system that uses the token reads it, such as its secrets manager."
        className="w-[min(40rem,calc(100vw-2rem))]"
        onInteractOutside={keepOpen}
      >
        <ApiTokenSecretPanel created={created} />
      </DialogContent>
    );
  }
  return (
    <DialogContent
      title="Create API token"
      description="One token for each system that sends data, with only the scopes it needs. Its secret is shown once, right after creation."
      onInteractOutside={keepOpen}
      onEscapeKeyDown={(event) => {
        if (pending) event.preventDefault();
      }}
    >
      <CreateApiTokenForm pending={pending} setPending={setPending} onCreated={setCreated} />
    </DialogContent>
  );
}

function CreateApiTokenForm({ pending, setPending, onCreated }: { pending: boolean; setPending: (pending: boolean) => void; onCreated: (created: CreatedApiToken) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>([]);
  const [expiresInDays, setExpiresInDays] = useState('365');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const { createApiTokenSchema } = await import('@/lib/schemas/api-token'); // zod loads with the first submit, not with the page
    const parsed = createApiTokenSchema.safeParse({ name, scopes, expiresInDays });
    setMessage(null);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await createApiToken(parsed.data);
      // The list learns of the token (never of its secret) at once, then reads the server again.
      queryClient.setQueryData<ApiTokenView[]>(adminKeys.apiTokens(), (items) => (items ? [result.token, ...items.filter((item) => item.id !== result.token.id)] : items));
      void queryClient.invalidateQueries({ queryKey: adminKeys.apiTokens() });
      setPending(false);
      onCreated(result);
    } catch (error) {
      const shown = apiErrors(error, 'The token could not be created. Try again.', FIELDS);
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
          { key: 'scopes', id: `${id}-scopes`, label: 'Scopes' },
          { key: 'expiresInDays', id: `${id}-expires`, label: 'Expires after (days)' },
        ]}
      />
      <Field id={`${id}-name`} label="Name" hint="Which system uses it, e.g. “Airline gateway (production)”. 3 to 100 characters." error={errors.name}>
        {(control) => <Input {...control} value={name} maxLength={100} autoComplete="off" aria-required onChange={(event) => setName(event.target.value)} />}
      </Field>
      <ScopeCheckboxes id={`${id}-scopes`} value={scopes} onChange={setScopes} error={errors.scopes} />
      <Field id={`${id}-expires`} label="Expires after (days)" hint="1 to 730 days. The token stops working then; create its successor before." error={errors.expiresInDays}>
        {(control) => (
          <Input
            {...control}
            type="number"
            inputMode="numeric"
            min={1}
            max={730}
            step={1}
            value={expiresInDays}
            aria-required
            className="w-32"
            onChange={(event) => setExpiresInDays(event.target.value)}
          />
        )}
      </Field>
      <DialogFormFooter message={message} pending={pending} submit="Create token" pendingLabel="Creating…" />
    </form>
  );
}
