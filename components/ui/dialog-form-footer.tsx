'use client';

import { Button } from './button';
import { DialogClose } from './dialog';

/**
 * The end of every form in a dialog: the server's refusal, if any, announced; then
 * Cancel (closes, focus returns to the trigger) and the submit button.
 */
export function DialogFormFooter({ message, pending, submit, pendingLabel = 'Saving…' }: { message: string | null; pending: boolean; submit: string; pendingLabel?: string }) {
  return (
    <>
      {message ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          {message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submit}
        </Button>
      </div>
    </>
  );
}
