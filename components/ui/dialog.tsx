'use client';

import { Slot } from '@radix-ui/react-slot';
import type * as DialogPrimitive from '@radix-ui/react-dialog';
import { createContext, lazy, Suspense, useContext, useId, useRef, type ComponentProps, type MouseEvent, type ReactNode, type RefObject } from 'react';

// A dialog's state, trigger and close button are here; what shows when it is open (Radix: focus
// trap, Escape, aria-modal, scroll lock — 12 KB gzipped) loads the first time a dialog opens,
// not with every page that has a button opening one (dialog-content.tsx).
const RadixDialogContent = lazy(() => import('./dialog-content').then((module) => ({ default: module.RadixDialogContent })));

interface DialogState {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  triggerRef: RefObject<HTMLElement | null>;
  contentId: string;
}

const DialogContext = createContext<DialogState | null>(null);

function useDialog(part: string): DialogState {
  const state = useContext(DialogContext);
  if (!state) throw new Error(`${part} must be inside a <Dialog>.`);
  return state;
}

/** A dialog the caller keeps open or closed (`open`); `onOpenChange` hears the trigger, Escape, the overlay and Close. */
export function Dialog({ open, onOpenChange, children }: { open: boolean; onOpenChange: (open: boolean) => void; children?: ReactNode }) {
  const triggerRef = useRef<HTMLElement>(null);
  const contentId = useId();
  return <DialogContext.Provider value={{ open, onOpenChange, triggerRef, contentId }}>{children}</DialogContext.Provider>;
}

/** The button that opens the dialog (and gets the focus back when it closes). */
export function DialogTrigger({ asChild = false, onClick, ...props }: ComponentProps<'button'> & { asChild?: boolean }) {
  const { open, onOpenChange, triggerRef, contentId } = useDialog('DialogTrigger');
  const Component = asChild ? Slot : 'button';
  return (
    <Component
      type={asChild ? undefined : 'button'}
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-controls={open ? contentId : undefined}
      data-state={open ? 'open' : 'closed'}
      {...props}
      ref={triggerRef as RefObject<HTMLButtonElement>}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) onOpenChange(!open);
      }}
    />
  );
}

/** A button that closes the dialog. */
export function DialogClose({ asChild = false, onClick, ...props }: ComponentProps<'button'> & { asChild?: boolean }) {
  const { onOpenChange } = useDialog('DialogClose');
  const Component = asChild ? Slot : 'button';
  return (
    <Component
      type={asChild ? undefined : 'button'}
      {...props}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) onOpenChange(false);
      }}
    />
  );
}

export type DialogContentProps = Omit<ComponentProps<typeof DialogPrimitive.Content>, 'title'> & { title: string; description?: ReactNode };

/** The dialog itself, rendered while it is open. */
export function DialogContent(props: DialogContentProps) {
  const { open, onOpenChange, triggerRef, contentId } = useDialog('DialogContent');
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <RadixDialogContent id={contentId} {...props} onOpenChange={onOpenChange} triggerRef={triggerRef} />
    </Suspense>
  );
}
