import type { ComponentProps } from 'react';
import { cn } from './cn';

export function Kbd({ className, ...props }: ComponentProps<'kbd'>) {
  return <kbd className={cn('rounded border border-border bg-surface px-1.5 py-0.5 font-mono text-xs', className)} {...props} />;
}
