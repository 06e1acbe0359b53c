'use client';

import { useSyncExternalStore } from 'react';
import { formatUtc } from '@/components/ui/local-time';

// When the page is printed: read when it was shown, and again as the browser prepares to
// print (beforeprint fires for window.print() and for the browser's own Print command).
let printedAt = 0;

function subscribe(onChange: () => void): () => void {
  const update = () => {
    printedAt = Date.now();
    onChange();
  };
  window.addEventListener('beforeprint', update);
  return () => window.removeEventListener('beforeprint', update);
}

function snapshot(): number {
  if (printedAt === 0) printedAt = Date.now();
  return printedAt;
}

/** On paper only (the screen has the header): who printed the page, and when — local time and UTC. */
export function PrintHeader({ name, roleLabel }: { name: string; roleLabel: string }) {
  const at = useSyncExternalStore(subscribe, snapshot, () => 0);
  const when = at === 0 ? null : new Date(at);
  return (
    <div className="mb-4 hidden border-b border-black pb-2 text-xs text-black print:block" data-testid="print-header">
      <p>
        <span className="font-semibold">Proportio</span> · printed by {name} ({roleLabel})
        {when ? (
          <>
            {' '}
            on{' '}
            <time dateTime={when.toISOString()}>
              {new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(when)} ({formatUtc(when)})
            </time>
          </>
        ) : null}
      </p>
    </div>
  );
}
