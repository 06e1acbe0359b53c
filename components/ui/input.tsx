import type { ComponentProps } from 'react';
import { cn } from './cn';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return (
    <input
      className={cn(
        'h-10 w-full rounded-md border border-border bg-bg px-3 text-sm text-fg placeholder:text-muted aria-invalid:border-danger',
        className,
      )}
      {...props}
    />
  );
}
