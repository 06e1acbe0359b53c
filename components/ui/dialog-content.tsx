'use client';

import * as DialogPrimitive from '@radix-ui/react-dialog';
import type { ReactNode, RefObject } from 'react';
import type { DialogContentProps } from './dialog';
import { cn } from './cn';

/**
 * The open dialog: Radix handles focus trapping, Escape, aria-modal, hiding the rest of the
 * page from assistive technology and locking its scrolling. Loaded when a dialog first opens
 * (dialog.tsx), not with the page.
 */
export function RadixDialogContent({
  title,
  description,
  children,
  className,
  onOpenChange,
  triggerRef,
  onCloseAutoFocus,
  ...props
}: DialogContentProps & { onOpenChange: (open: boolean) => void; triggerRef: RefObject<HTMLElement | null>; children?: ReactNode }) {
  return (
    <DialogPrimitive.Root open onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <DialogPrimitive.Content
          className={cn(
            'fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-border bg-bg p-6 shadow-xl',
            className,
          )}
          {...(description ? {} : { 'aria-describedby': undefined })}
          // As Radix does for its own trigger: the focus goes back to the button that opened the
          // dialog, unless the caller says where it goes.
          onCloseAutoFocus={(event) => {
            onCloseAutoFocus?.(event);
            if (event.defaultPrevented) return;
            event.preventDefault();
            triggerRef.current?.focus();
          }}
          {...props}
        >
          <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
          {description ? <DialogPrimitive.Description className="mt-1 text-sm text-muted">{description}</DialogPrimitive.Description> : null}
          <div className="mt-4">{children}</div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
