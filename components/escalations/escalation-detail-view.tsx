'use client';

import { useRef, useState } from 'react';
import { Link } from '@/components/ui/app-link';
import type { EscalationDetail } from '@/lib/schemas/escalation';
import { DecisionSection } from './decision-section';
import { EscalationDecisionDialog, type EscalationDecisionKind } from './escalation-decision-dialog';
import { EscalationHitPanel } from './escalation-hit-panel';
import { EscalationStatusBadge, OverdueBadge, UrgencyBadge } from './escalation-labels';
import { JustificationPanel } from './justification-panel';
import { useEscalationDetail } from './use-escalation-detail';

/** One escalation request: the justification and the decision beside the hit it is about. */
export function EscalationDetailView({ initialEscalation }: { initialEscalation: EscalationDetail }) {
  const { data: escalation } = useEscalationDetail(initialEscalation);
  const decisionHeading = useRef<HTMLHeadingElement>(null);
  const [dialog, setDialog] = useState<{ kind: EscalationDecisionKind; open: boolean }>({ kind: 'approve', open: false });

  return (
    <>
      <header className="mb-6 space-y-3">
        <p className="text-sm">
          <Link href="/escalations" className="text-primary underline underline-offset-4">
            Escalations
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Escalation request</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span>
            <span className="font-mono">{escalation.travellerName}</span> <span className="text-muted">matched</span> {escalation.hit.entry.primaryName}
          </span>
          <span aria-hidden="true" className="text-muted">
            ·
          </span>
          <span>Status:</span>
          <EscalationStatusBadge status={escalation.status} />
          <UrgencyBadge urgency={escalation.urgency} />
          {escalation.overdue && escalation.status === 'PENDING' ? <OverdueBadge /> : null}
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0 space-y-6">
          <JustificationPanel escalation={escalation} />
          <DecisionSection escalation={escalation} headingRef={decisionHeading} onDecide={(kind) => setDialog({ kind, open: true })} />
        </div>
        <EscalationHitPanel hit={escalation.hit} />
      </div>
      {/* Mounted whatever the rights: a refusal refreshes the request, and its message must stay readable. */}
      <EscalationDecisionDialog
        escalationId={escalation.id}
        version={escalation.version}
        kind={dialog.kind}
        open={dialog.open}
        onOpenChange={(open) => setDialog((current) => ({ ...current, open }))}
        returnFocusRef={decisionHeading}
      />
    </>
  );
}
