'use client';

import { ReviewNoteForm } from '@/components/ui/review-note-form';
import { apiFetch } from '@/lib/api-client';
import type { AnomalyRule } from '@/lib/schemas/access-log';

/** The privacy officer's note on one flagged item; recorded once (a second review is refused with 409). */
export function AnomalyReviewForm({
  rule,
  itemKey,
  itemLabel,
  onRecorded,
}: {
  rule: AnomalyRule;
  itemKey: string;
  /** Which item the note is about, for assistive technology: many forms share the page. */
  itemLabel: string;
  onRecorded: (review: { reviewedAt: string; note: string }) => void;
}) {
  return (
    <ReviewNoteForm
      ariaLabel={`Review of ${itemLabel}`}
      label={
        <>
          Note<span className="sr-only"> on {itemLabel}</span>
        </>
      }
      hint="At least 5 characters: what did you find?"
      schema={async () => (await import('@/lib/schemas/access-log')).anomalyReviewSchema}
      values={{ rule, itemKey }}
      invalidMessage="This flag cannot be reviewed from here. Reload the page and try again."
      record={(input) => apiFetch<{ reviewedAt: string }>('/api/v1/access-log/anomalies/review', { body: input })}
      submitLabel="Mark reviewed"
      recordedToast="Flag marked reviewed"
      onRecorded={onRecorded}
    />
  );
}
