'use client';

import * as Popover from '@radix-ui/react-popover';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from '@/components/ui/app-link';
import { Button } from '@/components/ui/button';
import { sessionKeys } from '@/lib/queries/session';
import { SessionRemaining } from './session-remaining';
import { signOutNow } from './sign-out-button';
import { ThemeSwitch } from './theme-switch';

/**
 * The header's user menu: who is signed in, the session's time left, the theme, the account
 * page and Sign out. A Radix popover: the trigger says whether it is open, Escape or a click
 * outside closes it and the focus goes back to the trigger.
 */
export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);

  function onOpenChange(next: boolean) {
    setOpen(next);
    // Opening asks the server again (a background read), so the time left is today's.
    if (next) void queryClient.invalidateQueries({ queryKey: sessionKeys.status() });
  }

  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger asChild>
        <Button variant="ghost" size="sm" className="h-auto min-h-8 py-1">
          <span className="sr-only">User menu: </span>
          <span className="font-medium">{name}</span> <span className="text-muted">· {roleLabel}</span>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-muted">
            <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label="User menu"
          className="z-50 w-[min(20rem,calc(100vw-1rem))] space-y-4 rounded-lg border border-border bg-bg p-4 text-fg shadow-xl"
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
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
