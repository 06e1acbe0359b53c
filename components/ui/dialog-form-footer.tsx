'use client';

import { Button } from './button';
import { DialogClose } from './dialog';

/**
 * The end of every form and confirmation in a dialog: the server's refusal, if any,
 * announced; then Cancel (closes, focus returns to the trigger) and the action. In a form the
 * action submits it; a confirmation passes `onAction` instead, and while it is on its way
 * Cancel waits too (the request cannot be called back).
 */
export function DialogFormFooter({
  message,
  pending,
  submit,
  pendingLabel = 'Saving…',
  cancelLabel = 'Cancel',
  destructive = false,
  onAction,
}: {
  message: string | null;
  pending: boolean;
  submit: string;
  pendingLabel?: string;
  cancelLabel?: string;
  /** A red action button: for what cannot be undone. */
  destructive?: boolean;
  onAction?: () => void;
}) {
  return (
    <>
      {message ? (
        <p role="alert" className={`${onAction ? 'mb-4 ' : ''}rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger`}>
          {message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button type="button" variant="secondary" disabled={onAction ? pending : false}>
            {cancelLabel}
          </Button>
        </DialogClose>
        <Button type={onAction ? 'button' : 'submit'} className={destructive ? 'bg-danger text-bg' : undefined} disabled={pending} onClick={onAction}>
          {pending ? pendingLabel : submit}
        </Button>
      </div>
    </>
  );
}
