'use client';

import type { ComponentProps, ReactNode } from 'react';
import { Dialog, DialogContent } from './dialog';
import { DialogFormFooter } from './dialog-form-footer';

/**
 * Asks before an action that cannot be taken back (or should not be taken lightly): an
 * alertdialog naming what will happen, the server's refusal if it came, Cancel first in
 * reading order and the action last. Cancel, Escape and the overlay close it; the caller
 * says where the focus goes afterwards when the dialog was not opened by a DialogTrigger.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  pendingLabel,
  pending = false,
  error = null,
  destructive = false,
  onConfirm,
  onCloseAutoFocus,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Shown on the action button while the request is on its way. */
  pendingLabel?: string;
  pending?: boolean;
  /** Why the server refused, shown as an alert above the buttons. */
  error?: string | null;
  /** A red action button: for what cannot be undone. */
  destructive?: boolean;
  onConfirm: () => void;
  onCloseAutoFocus?: ComponentProps<typeof DialogContent>['onCloseAutoFocus'];
  children?: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <DialogContent title={title} description={description} role="alertdialog" onCloseAutoFocus={onCloseAutoFocus}>
          {children}
          <DialogFormFooter
            message={error}
            pending={pending}
            submit={confirmLabel}
            pendingLabel={pendingLabel ?? confirmLabel}
            cancelLabel={cancelLabel}
            destructive={destructive}
            onAction={onConfirm}
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
