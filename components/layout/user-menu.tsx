'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from '@/components/ui/app-link';
import { Button } from '@/components/ui/button';
import { sessionKeys } from '@/lib/queries/session';
import { SessionRemaining } from './session-remaining';
import { signOutNow } from './sign-out-button';
import { ThemeSwitch } from './theme-switch';

/**
 * The header's user menu: who is signed in, the session's time left, the theme, the account
 * page and Sign out. A non-modal popover (as Radix's was, without its positioning engine: 16 KB
 * gzipped on every page): the trigger says whether it is open, the focus moves into it on
 * opening, Escape closes it and gives the focus back to the trigger, and a click or the focus
 * going elsewhere closes it.
 */
export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [shift, setShift] = useState(0);
  const contentId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);

  function onOpenChange(next: boolean) {
    setOpen(next);
    // Opening asks the server again (a background read), so the time left is today's.
    if (next) void queryClient.invalidateQueries({ queryKey: sessionKeys.status() });
  }

  function close({ returnFocus }: { returnFocus: boolean }) {
    setOpen(false);
    if (returnFocus) triggerRef.current?.focus();
  }

  // Opened: aligned to the trigger's right edge, moved right if it would leave the window on the
  // left (a narrow window wraps the header), and the focus in it.
  useLayoutEffect(() => {
    if (!open) return;
    const trigger = triggerRef.current?.getBoundingClientRect();
    const width = contentRef.current?.offsetWidth ?? 0;
    setShift(trigger ? Math.max(0, width + 8 - trigger.right) : 0);
    contentRef.current?.focus();
  }, [open]);

  // A press anywhere outside closes it (the focus stays where the press put it).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close({ returnFocus: true });
    }
  }

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // The focus left the menu and its trigger (Tab past the end, or elsewhere): it closes.
        if (open && event.relatedTarget && !rootRef.current?.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <Button
        ref={triggerRef}
        variant="ghost"
        size="sm"
        className="h-auto min-h-8 py-1"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? contentId : undefined}
        data-state={open ? 'open' : 'closed'}
        onClick={() => onOpenChange(!open)}
      >
        <span className="sr-only">User menu: </span>
        <span className="font-medium">{name}</span> <span className="text-muted">· {roleLabel}</span>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-muted">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </Button>
      {open ? (
        <div
          ref={contentRef}
          id={contentId}
          role="dialog"
          aria-label="User menu"
          tabIndex={-1}
          style={{ right: -shift }}
          className="absolute top-full z-50 mt-1.5 w-[min(20rem,calc(100vw-1rem))] space-y-4 rounded-lg border border-border bg-bg p-4 text-fg shadow-xl outline-none"
        >
          <div>
            <p className="font-semibold">{name}</p>
            <p className="text-sm text-muted">
              {roleLabel} · {email}
            </p>
          </div>
          <SessionRemaining />
          <ThemeSwitch />
          <div className="flex flex-wrap items-end justify-between gap-2 border-t border-border pt-3">
            <ul className="space-y-1 text-sm">
              <li>
                <Link href="/account" onClick={() => setOpen(false)} className="text-primary underline underline-offset-4">
                  Your account
                </Link>
              </li>
              <li>
                <Link href="/account#password-heading" onClick={() => setOpen(false)} className="text-primary underline underline-offset-4">
                  Change password
                </Link>
              </li>
            </ul>
            <Button variant="secondary" size="sm" onClick={signOutNow}>
              Sign out
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
