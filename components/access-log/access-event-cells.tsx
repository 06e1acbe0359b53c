import { Link } from '@/components/ui/app-link';
import { personReportHref } from '@/lib/queries/access-log';
import type { AccessEventView } from '@/lib/schemas/access-log';
import { OUTCOME_LABELS, roleLabel, shortId } from './access-log-labels';

export function ActorCell({ event }: { event: AccessEventView }) {
  const role = roleLabel(event.role);
  return (
    <div>
      <div className="break-all">{event.actorLabel ?? event.actorType}</div>
      {role ? <div className="text-xs text-muted print:text-black">{role}</div> : null}
    </div>
  );
}

// Refusals and failures carry a symbol and a word, never colour alone.
export function OutcomeCell({ outcome }: { outcome: AccessEventView['outcome'] }) {
  if (outcome === 'ALLOWED') return <span>{OUTCOME_LABELS.ALLOWED}</span>;
  const symbol = outcome === 'DENIED' ? '✕' : '⚠';
  return (
    <span className={outcome === 'DENIED' ? 'font-medium text-danger' : 'font-medium text-warn'}>
      <span aria-hidden="true">{symbol} </span>
      {OUTCOME_LABELS[outcome]}
    </span>
  );
}

export function ResourceCell({ event }: { event: AccessEventView }) {
  return (
    <div>
      <div>{event.resourceType}</div>
      {event.resourceId ? (
        <div className="font-mono text-xs text-muted print:text-black" title={event.resourceId}>
          {shortId(event.resourceId)}
        </div>
      ) : null}
    </div>
  );
}

export function PersonCell({ travellerId }: { travellerId: string | null }) {
  if (!travellerId) return <span className="text-muted">—</span>;
  return (
    <div className="whitespace-nowrap">
      <Link href={personReportHref(travellerId)} className="font-medium text-primary underline underline-offset-4 print:hidden">
        Report
      </Link>{' '}
      <span className="font-mono text-xs text-muted print:text-black" title={travellerId}>
        {shortId(travellerId)}
      </span>
    </div>
  );
}

export function TextCell({ value, mono = false }: { value: string | null; mono?: boolean }) {
  if (!value) return <span className="text-muted">—</span>;
  return <span className={mono ? 'font-mono text-xs' : undefined}>{value}</span>;
}
