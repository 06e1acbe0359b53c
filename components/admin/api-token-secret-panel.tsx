'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Link } from '@/components/ui/app-link';
import { Button } from '@/components/ui/button';
import { DialogClose } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { CreatedApiToken } from '@/lib/schemas/api-token';
import { tokenLabel } from './api-token-labels';

type CopyState = 'idle' | 'copied' | 'failed';

const COPY_STATUS: Readonly<Record<CopyState, string>> = {
  idle: '',
  copied: 'Copied to the clipboard.',
  failed: 'The browser did not allow copying. The secret is selected: press Ctrl+C (⌘C on a Mac).',
};

/**
 * The secret of a token just created, shown this once. It lives in the state of the dialog
 * that shows it and nowhere else: closing the dialog discards it.
 */
export function ApiTokenSecretPanel({ created }: { created: CreatedApiToken }) {
  const id = useId();
  const secretRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  // The form that had focus is gone: put the reader on the one thing to do now.
  useEffect(() => {
    secretRef.current?.focus();
    secretRef.current?.select();
  }, []);

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopy('copied');
    } catch {
      secretRef.current?.focus();
      secretRef.current?.select();
      setCopy('failed');
    }
  }

  return (
    <div className="space-y-4">
      <p id={`${id}-warning`} className="rounded-md border border-warn p-3 text-sm">
        <strong className="font-semibold">
          <span aria-hidden="true">⚠ </span>Copy the secret now: it will not be shown again.
        </strong>{' '}
        Proportio keeps only a hash of it, so nobody can show it to you later. If it is lost, revoke this token and create a new one.
      </p>
      <Field id={`${id}-secret`} label="Secret" hint={`Token “${created.token.name}” (${tokenLabel(created.token.prefix)}), scopes ${created.token.scopes.join(', ')}.`}>
        {(control) => (
          <Input
            {...control}
            aria-describedby={[control['aria-describedby'], `${id}-warning`].filter(Boolean).join(' ')}
            ref={secretRef}
            readOnly
            value={created.secret}
            spellCheck={false}
            autoComplete="off"
            className="font-mono text-xs"
            onFocus={(event) => event.currentTarget.select()}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={() => void copySecret()}>
          Copy secret
        </Button>
        <span role="status" className="text-sm">
          {COPY_STATUS[copy]}
        </span>
      </div>
      <p className="text-sm text-muted">
        The system sends it in every request as <code className="font-mono text-xs">Authorization: Bearer ppt_…</code>. The{' '}
        <Link href="/api-docs" className="text-primary underline underline-offset-4">
          API reference
        </Link>{' '}
        lists what each scope allows.
      </p>
      <div className="flex justify-end">
        <DialogClose asChild>
          <Button type="button">Done, I have stored the secret</Button>
        </DialogClose>
      </div>
    </div>
  );
}
