import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { RetentionDataClass } from '@/lib/schemas/retention';

// Words for the retention screen: what each data class covers, a run's status, durations.

export const DATA_CLASS_LABELS: Readonly<Record<RetentionDataClass, { name: string; covers: string }>> = {
  TRAVELLER_IDENTIFYING: {
    name: 'Identifying data',
    covers:
      'The fields of a traveller that identify the person: names, date of birth, passport and other documents, contact details, payment, frequent-flyer number and general remarks. Masking seals them away from every ordinary read; nationality, year of birth and flight date stay for statistics.',
  },
  TRAVELLER_RECORD: {
    name: 'Traveller record',
    covers: 'The whole record of a screened traveller with its hits, notes and escalations. Erasure deletes it and destroys its data key, so no backup can be read either.',
  },
  CLEARED_HIT: {
    name: 'Cleared travellers',
    covers:
      'Travellers whose every hit was cleared as a false positive, and the memory that stops the same false positive from coming back. They may be masked and erased sooner than the rest; a blank limit follows the general one.',
  },
  ACCESS_EVENT: {
    name: 'Access log',
    covers: 'Who did what with which record, when and why: every consultation, change, disclosure, erasure, login and refusal.',
  },
};

const RUN_STATUS: Readonly<Record<string, { label: string; symbol: string; className: string }>> = {
  RUNNING: { label: 'Running', symbol: '…', className: 'border-primary text-primary' },
  COMPLETED: { label: 'Completed', symbol: '✓', className: 'border-ok text-ok' },
  FAILED: { label: 'Failed', symbol: '✕', className: 'border-danger bg-danger-bg text-danger' },
  INTERRUPTED: { label: 'Interrupted', symbol: '!', className: 'border-warn text-warn' },
  STOPPED: { label: 'Stopped', symbol: '■', className: 'border-warn text-warn' },
};

/** A run's status in words with a symbol; colour only repeats them. */
export function RunStatusBadge({ status }: { status: string }) {
  const style = RUN_STATUS[status] ?? { label: status, symbol: '?', className: '' };
  return (
    <Badge className={cn('gap-1 whitespace-nowrap', style.className)}>
      <span aria-hidden="true">{style.symbol}</span>
      {style.label}
    </Badge>
  );
}

/** "0.4 s", "12 s", "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
