import type { DisparityFlag } from '@/lib/schemas/metrics';
import { cn } from '@/components/ui/cn';

// A flag reads as words and a symbol; colour only adds to them (WCAG 1.4.1).
const FLAGS: Record<DisparityFlag, { symbol: string; text: string; className: string }> = {
  higher: { symbol: '▲', text: 'Flagged: higher', className: 'font-semibold text-danger' },
  lower: { symbol: '▼', text: 'Flagged: lower', className: 'font-semibold text-warn' },
  within: { symbol: '●', text: 'Within range', className: 'text-muted' },
  'too-few': { symbol: '…', text: 'Too few to say', className: 'text-muted italic' },
  'no-baseline': { symbol: '–', text: 'No overall rate', className: 'text-muted' },
};

export function flagText(flag: DisparityFlag): string {
  return FLAGS[flag].text;
}

export function flagSymbol(flag: DisparityFlag): string {
  return FLAGS[flag].symbol;
}

export function DisparityFlagLabel({ flag }: { flag: DisparityFlag }) {
  const { symbol, text, className } = FLAGS[flag];
  return (
    <span className={cn('inline-flex items-center gap-1 whitespace-nowrap', className)}>
      <span aria-hidden="true">{symbol}</span>
      {text}
    </span>
  );
}
