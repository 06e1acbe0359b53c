'use client';

import { Button } from './button';

/**
 * Opens the browser's print dialog. On paper the (app) layout leaves out the navigation and
 * puts a line saying who printed the page and when (components/layout/print-header.tsx).
 */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}
