'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogClose } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { CreatedUser } from '@/lib/schemas/user';

type CopyState = 'idle' | 'copied' | 'failed';

const COPY_STATUS: Readonly<Record<CopyState, string>> = {
  idle: '',
  copied: 'Copied to the clipboard.',
  failed: 'The browser did not allow copying. The password is selected: press Ctrl+C (⌘C on a Mac).',
};

/**
 * The initial password of a user just created, shown this once. It lives in the state of the
 * dialog that shows it and nowhere else: closing the dialog discards it.
 */
export function InitialPasswordPanel({ created }: { created: CreatedUser }) {
  const id = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    passwordRef.current?.focus();
    passwordRef.current?.select();
  }, []);

  async function copyPassword() {
    try {
      await navigator.clipboard.writeText(created.initialPassword);
      setCopy('copied');
    } catch {
      passwordRef.current?.focus();
      passwordRef.current?.select();
      setCopy('failed');
    }
  }

  return (
    <div className="space-y-4">
      <p id={`${id}-warning`} className="rounded-md border border-warn p-3 text-sm">
        <strong className="font-semibold">
          <span aria-hidden="true">⚠ </span>Note the initial password now: it will not be shown again.
        </strong>{' '}
        Proportio keeps only a hash of it. It works once: at first sign-in {created.user.name} must choose a password of their own.
      </p>
      <Field id={`${id}-password`} label="Initial password" hint={`For ${created.user.name} (${created.user.email}).`}>
        {(control) => (
          <Input
            {...control}
            aria-describedby={[control['aria-describedby'], `${id}-warning`].filter(Boolean).join(' ')}
            ref={passwordRef}
            readOnly
            value={created.initialPassword}
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            onFocus={(event) => event.currentTarget.select()}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={() => void copyPassword()}>
          Copy password
        </Button>
        <span role="status" className="text-sm">
          {COPY_STATUS[copy]}
        </span>
      </div>
      <div className="flex justify-end">
        <DialogClose asChild>
          <Button type="button">Done, I have noted the password</Button>
        </DialogClose>
      </div>
    </div>
  );
}
