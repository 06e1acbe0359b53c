'use client';

import { signOut } from '@/lib/auth-client';
import { Button } from '@/components/ui/button';

// Drafts an analyst typed (escalation justifications) live in this tab's sessionStorage;
// they may name people, so they leave with the session.
function forgetDrafts() {
  try {
    for (const key of Object.keys(window.sessionStorage)) {
      if (key.startsWith('proportio:')) window.sessionStorage.removeItem(key);
    }
  } catch {
    // Storage unavailable: there is nothing to forget.
  }
}

/** Signs out: forgets this tab's drafts, ends the session on the server, goes to the login page. */
export function signOutNow(): void {
  forgetDrafts();
  void signOut({ callbackUrl: '/login' });
}

export function SignOutButton() {
  return (
    <Button variant="secondary" size="sm" onClick={signOutNow}>
      Sign out
    </Button>
  );
}
