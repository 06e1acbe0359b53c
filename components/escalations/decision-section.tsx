import type { RefObject } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { Link } from '@/components/ui/app-link';
import { Button } from '@/components/ui/button';
import type { EscalationDetail } from '@/lib/schemas/escalation';
import type { EscalationDecisionKind } from './escalation-decision-dialog';
import { ESCALATION_STATUS_LABELS } from './escalation-labels';

function PackageLine({ escalation }: { escalation: EscalationDetail }) {
  const pkg = escalation.package;
  if (!pkg) return null;
  if (pkg.expired) {
    return (
      <p className="mt-3 text-sm">
        The disclosure package expired on <LocalTime iso={pkg.expiresAt} />; it can no longer be opened.
      </p>
    );
  }
  if (!escalation.can.openPackage) {
    return (
      <p className="mt-3 text-sm text-muted">
        A disclosure package exists until <LocalTime iso={pkg.expiresAt} />; only the requester and the approver can open it.
      </p>
    );
  }
  return (
    <p className="mt-3 text-sm">
      <Link href={`/escalations/${encodeURIComponent(escalation.id)}/package`} className="font-medium text-primary underline underline-offset-4">
        Open disclosure package
      </Link>{' '}
      <span className="text-muted">
        (available until <LocalTime iso={pkg.expiresAt} />)
      </span>
    </p>
  );
}

function Outcome({ escalation }: { escalation: EscalationDetail }) {
  const label = ESCALATION_STATUS_LABELS[escalation.status];
  return (
    <>
      <p className="mt-2 text-sm">
        <strong className="font-semibold">{label}</strong>
        {escalation.deciderName ? ` by ${escalation.deciderName}` : null}
        {escalation.decidedAt ? (
          <>
            , <LocalTime iso={escalation.decidedAt} />
          </>
        ) : null}
        .
      </p>
      {escalation.decisionNote ? (
        <blockquote className="mt-2 border-l-4 border-border pl-3 text-sm whitespace-pre-wrap">
          <span className="sr-only">Note: </span>
          {escalation.decisionNote}
        </blockquote>
      ) : (
        <p className="mt-1 text-sm text-muted">No note was recorded.</p>
      )}
      <PackageLine escalation={escalation} />
    </>
  );
}

/** Approve and reject for a supervisor who may decide; otherwise why not, or the decision taken. */
export function DecisionSection({
  escalation,
  headingRef,
  onDecide,
}: {
  escalation: EscalationDetail;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDecide: (kind: EscalationDecisionKind) => void;
}) {
  const { can } = escalation;
  const pending = escalation.status === 'PENDING';
  return (
    <section aria-labelledby="decision-heading" className="rounded-lg border border-border p-4">
      <h2 id="decision-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        Decision
      </h2>
      {!pending ? <Outcome escalation={escalation} /> : null}
      {pending && (can.approve || can.reject) ? (
        <>
          <p className="mt-2 text-sm text-muted">Weigh the justification against the hit. Rejecting needs a note; approving records your name.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            {can.approve ? (
              <Button id="decide-approve" onClick={() => onDecide('approve')}>
                Approve
              </Button>
            ) : null}
            {can.reject ? (
              <Button id="decide-reject" variant="secondary" onClick={() => onDecide('reject')}>
                Reject
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
      {pending && !(can.approve || can.reject) ? (
        <p className="mt-2 text-sm">{escalation.cannotDecideBecause ?? 'Waiting for a supervisor’s decision.'}</p>
      ) : null}
    </section>
  );
}
