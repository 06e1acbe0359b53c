import type { ReactNode } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import type { EscalationDetail } from '@/lib/schemas/escalation';
import { DATA_CATEGORIES } from '@/lib/schemas/escalation-values';
import { legalBasisLabel, UrgencyBadge } from './escalation-labels';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="py-2">
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">{term}</dt>
      <dd className="mt-1 min-w-0 break-words">{children}</dd>
    </div>
  );
}

export const REPERSONALISATION_WARNING =
  'The traveller’s data were masked under the retention rules (6 months after collection). Approving this request re-personalises them (PNR art. 12(3)): the masked identifying data become readable for this disclosure, and the privacy officer reviews every such approval.';

/** The analyst's recorded justification, as the supervisor must weigh it. */
export function JustificationPanel({ escalation }: { escalation: EscalationDetail }) {
  return (
    <section aria-labelledby="justification-heading" className="min-w-0 rounded-lg border border-border p-4">
      <h2 id="justification-heading" className="text-lg font-semibold">
        Justification
      </h2>
      {escalation.repersonalisation ? (
        <p role="note" className="mt-2 rounded-md border border-warn p-3 text-sm">
          <strong className="font-semibold text-warn">
            <span aria-hidden="true">⚠ </span>Re-personalisation.
          </strong>{' '}
          {REPERSONALISATION_WARNING}
        </p>
      ) : null}
      <dl className="mt-2 divide-y divide-border text-sm">
        <Row term="Legal basis">{legalBasisLabel(escalation.legalBasis)}</Row>
        <Row term="Offence category">{escalation.offenceCategory}</Row>
        <Row term="Objective facts">
          <p className="whitespace-pre-wrap">{escalation.objectiveFacts}</p>
        </Row>
        <Row term="Necessity and proportionality">
          <p className="whitespace-pre-wrap">{escalation.necessity}</p>
        </Row>
        <Row term="Data to disclose">
          <ul className="list-disc space-y-0.5 pl-5">
            {escalation.dataCategories.map((category) => (
              <li key={category}>{DATA_CATEGORIES[category] ?? category}</li>
            ))}
          </ul>
        </Row>
        <Row term="Recipient">{escalation.recipientName}</Row>
        <Row term="Urgency">
          <UrgencyBadge urgency={escalation.urgency} />
        </Row>
        <Row term="Requested by">{escalation.requesterName}</Row>
        <Row term="Requested at">
          <LocalTime iso={escalation.createdAt} />
        </Row>
      </dl>
    </section>
  );
}
