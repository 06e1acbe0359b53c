import type { ComponentProps } from 'react';
import { cn } from './cn';

// The native select: keyboard, screen readers and mobile pickers work without help.
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return (
    <select
      className={cn('h-10 w-full rounded-md border border-border bg-bg px-2 text-sm text-fg aria-invalid:border-danger', className)}
      {...props}
    />
  );
}
