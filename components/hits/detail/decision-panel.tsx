import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import { CLEAR_REASONS, DECIDABLE_HIT_STATUSES } from '@/lib/schemas/hit';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import type { DecisionKind } from './decision-dialog';

export const ESCALATION_UNAVAILABLE = 'Escalation requests arrive with the escalation workflow.';

export function canDecide(hit: HitDetail): boolean {
  return hit.can.decide && DECIDABLE_HIT_STATUSES.includes(hit.status);
}

/** Why there is nothing to decide, in words. */
export function decisionStateText(hit: HitDetail): string {
  const who = hit.decidedBy ? ` by ${hit.decidedBy.name}` : '';
  switch (hit.status) {
    case 'CLEARED':
      return `Cleared as a false positive${who}${hit.clearReason ? ` — ${CLEAR_REASONS[hit.clearReason]}` : ''}. The hit is read-only; notes can still be added.`;
    case 'CONFIRMED':
      return `Confirmed as a match${who}. The hit is read-only; notes can still be added.`;
    case 'ESCALATION_PENDING':
      return 'An escalation is waiting for a supervisor’s decision. The hit is read-only; notes can still be added.';
    case 'ESCALATED':
      return `Escalated${who}. The hit is read-only; notes can still be added.`;
    default:
      return hit.assignee && hit.assignee.id !== hit.currentUserId
        ? `You cannot decide this hit: it is assigned to ${hit.assignee.name}.`
        : 'You cannot decide this hit.';
  }
}

/** Clear, confirm or escalate, or why none of them applies. */
export function DecisionPanel({ hit, onDecide }: { hit: HitDetail; onDecide: (kind: DecisionKind) => void }) {
  return (
    <section aria-labelledby="decision-heading" className="mb-6 rounded-lg border border-border p-4">
      <h2 id="decision-heading" className="text-lg font-semibold">
        Decision
      </h2>
      {canDecide(hit) ? (
        <>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <Button id="decide-clear" aria-keyshortcuts="c" onClick={() => onDecide('clear')}>
              Clear as false positive <Kbd aria-hidden className="text-fg">c</Kbd>
            </Button>
            <Button id="decide-confirm" variant="secondary" aria-keyshortcuts="f" onClick={() => onDecide('confirm')}>
              Confirm match <Kbd aria-hidden>f</Kbd>
            </Button>
            {/* Becomes a link to /hits/{id}/escalate with the escalation workflow. */}
            <Button
              id="request-escalation"
              variant="secondary"
              aria-disabled="true"
              aria-describedby="escalation-unavailable"
              className="cursor-not-allowed opacity-60"
              onClick={(event) => event.preventDefault()}
            >
              Request escalation
            </Button>
          </div>
          <p id="escalation-unavailable" className="mt-2 text-sm text-muted">
            {ESCALATION_UNAVAILABLE}
          </p>
        </>
      ) : (
        <p className="mt-2 text-sm">{decisionStateText(hit)}</p>
      )}
    </section>
  );
}
