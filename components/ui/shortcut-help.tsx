'use client';

import { Dialog, DialogContent } from './dialog';
import { Kbd } from './kbd';
import type { Shortcut } from './use-shortcuts';

/** The "?" dialog: every shortcut of the page, with what it does. */
export function ShortcutHelp({
  open,
  onOpenChange,
  shortcuts,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  shortcuts: readonly Pick<Shortcut, 'key' | 'description'>[];
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Keyboard shortcuts" description="Shortcuts work when no field has focus. Decisions still ask for every required reason.">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.key} className="contents">
              <dt>
                <Kbd>{shortcut.key}</Kbd>
              </dt>
              <dd>{shortcut.description}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
