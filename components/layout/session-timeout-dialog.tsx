'use client';

import { Button } from '@/components/ui/button';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { formatCountdown } from './session-countdown';
import { signOutNow } from './sign-out-button';

/** The warning itself, loaded when it is due (session-timeout-warning.tsx). */
export function SessionTimeoutDialog({ remaining, onStay, staying }: { remaining: number; onStay: () => void; staying: boolean }) {
  const countdown = formatCountdown(remaining);
  return (
    <Dialog open onOpenChange={(next) => (next ? undefined : onStay())}>
      <DialogContent
        role="alertdialog"
        title="Your session is about to end"
        description={
          <>
            You will be signed out in <span className="font-medium tabular-nums">{countdown}</span> because of inactivity.
          </>
        }
        // The countdown changes every second; only its opening is announced (the alertdialog).
        onPointerDownOutside={(event) => event.preventDefault()}
      >
        <div className="flex flex-wrap gap-2">
          {/* First, so the focus lands on it when the dialog opens. */}
          <Button onClick={() => onStay()} disabled={staying}>
            Stay signed in
          </Button>
          <Button variant="secondary" onClick={signOutNow}>
            Sign out
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
