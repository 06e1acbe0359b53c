'use client';

import { ReviewNoteForm } from '@/components/ui/review-note-form';
import { recordRepersonalisationReview } from '@/lib/queries/escalations';

/** The privacy officer's note on one approved re-personalisation; recorded once. */
export function RepersonalisationReviewForm({
  escalationId,
  label,
  onRecorded,
}: {
  escalationId: string;
  /** What the form is about, for assistive technology: several forms share a page. */
  label: string;
  onRecorded: (review: { reviewedAt: string; note: string }) => void;
}) {
  return (
    <ReviewNoteForm
      ariaLabel={label}
      label="Note"
      hint="At least 10 characters: was the re-personalisation lawful and proportionate?"
      schema={async () => (await import('@/lib/schemas/escalation')).repersonalisationReviewSchema}
      values={{}}
      record={({ note }) => recordRepersonalisationReview(escalationId, note)}
      submitLabel="Record review"
      recordedToast="Review recorded"
      onRecorded={onRecorded}
      className="min-w-64 space-y-2"
    />
  );
}
