import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/app-link';
import { Kbd } from '@/components/ui/kbd';
import { CLEAR_REASONS, DECIDABLE_HIT_STATUSES } from '@/lib/schemas/hit-values';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import type { DecisionKind } from './decision-dialog';

export function canDecide(hit: HitDetail): boolean {
  return hit.can.decide && DECIDABLE_HIT_STATUSES.includes(hit.status);
}

export const escalateHref = (hitId: string) => `/hits/${hitId}/escalate`;

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

/** Why the signed-in user cannot request an escalation of the hit now, in words. */
export function escalationUnavailableText(hit: HitDetail): string {
  if (hit.escalation?.status === 'PENDING') return 'An escalation request for this hit is already waiting for a supervisor’s decision.';
  if (!canDecide(hit)) return decisionStateText(hit);
  return 'You cannot request an escalation for this hit.';
}

/** Clear, confirm or escalate, or why none of them applies. */
export function DecisionPanel({ hit, onDecide }: { hit: HitDetail; onDecide: (kind: DecisionKind) => void }) {
  const decide = canDecide(hit);
  return (
    <section aria-labelledby="decision-heading" className="mb-6 rounded-lg border border-border p-4">
      <h2 id="decision-heading" className="text-lg font-semibold">
        Decision
      </h2>
      {decide || hit.can.escalate ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {decide ? (
            <>
              <Button id="decide-clear" aria-keyshortcuts="c" onClick={() => onDecide('clear')}>
                Clear as false positive <Kbd aria-hidden className="text-fg">c</Kbd>
              </Button>
              <Button id="decide-confirm" variant="secondary" aria-keyshortcuts="f" onClick={() => onDecide('confirm')}>
                Confirm match <Kbd aria-hidden>f</Kbd>
              </Button>
            </>
          ) : null}
          {hit.can.escalate ? (
            <Button asChild variant="secondary">
              <Link id="request-escalation" href={escalateHref(hit.id)} aria-keyshortcuts="e">
                Request escalation <Kbd aria-hidden>e</Kbd>
              </Link>
            </Button>
          ) : null}
        </div>
      ) : null}
      {decide ? null : <p className="mt-2 text-sm">{decisionStateText(hit)}</p>}
    </section>
  );
}
