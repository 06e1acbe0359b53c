import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { EscalationStatus, LegalBasis, Urgency } from '@/lib/schemas/escalation';
import { LEGAL_BASES, URGENCIES } from '@/lib/schemas/escalation-values';

// Words for an escalation's status, urgency and legal basis. Urgency and status are always
// said in words with a symbol; colour only repeats them.

export const ESCALATION_STATUS_LABELS: Readonly<Record<EscalationStatus, string>> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
};

const URGENCY_STYLES: Readonly<Record<Urgency, { symbol: string; className: string }>> = {
  ROUTINE: { symbol: '○', className: 'text-muted' },
  URGENT: { symbol: '▲', className: 'border-warn text-warn' },
  IMMEDIATE: { symbol: '⚠', className: 'border-danger bg-danger-bg text-danger' },
};

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const style = URGENCY_STYLES[urgency];
  return (
    <Badge className={cn('gap-1 whitespace-nowrap', style.className)}>
      <span aria-hidden="true">{style.symbol}</span>
      {URGENCIES[urgency]}
    </Badge>
  );
}

const STATUS_SYMBOLS: Readonly<Record<EscalationStatus, string>> = { PENDING: '…', APPROVED: '✓', REJECTED: '✕', WITHDRAWN: '↩' };

export function EscalationStatusBadge({ status }: { status: EscalationStatus }) {
  return (
    <Badge className={cn('gap-1', status === 'APPROVED' && 'text-ok', status === 'REJECTED' && 'text-danger')}>
      <span aria-hidden="true">{STATUS_SYMBOLS[status]}</span>
      {ESCALATION_STATUS_LABELS[status]}
    </Badge>
  );
}

export function OverdueBadge() {
  return (
    <Badge className="gap-1 border-danger bg-danger-bg font-semibold whitespace-nowrap text-danger">
      <span aria-hidden="true">⚠</span> Overdue
    </Badge>
  );
}

/** The full wording of a legal basis key (an unknown key is shown as it is). */
export function legalBasisLabel(key: string): string {
  return key in LEGAL_BASES ? LEGAL_BASES[key as LegalBasis] : key;
}

/** "PNR art. 6(2)(a)" for tables; the full wording goes in a title. */
export function legalBasisShort(key: string): string {
  return legalBasisLabel(key).split(':')[0] ?? key;
}
