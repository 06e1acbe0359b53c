'use client';

import { useId, useState } from 'react';
import { formatUtc, LocalTime } from '@/components/ui/local-time';
import { Badge } from '@/components/ui/badge';
import type { AnomalyFlag, AnomalyItem } from '@/lib/schemas/access-log';
import { PersonCell } from './access-event-cells';
import { AnomalyReviewForm } from './anomaly-review-form';

type Review = NonNullable<AnomalyItem['review']>;

// Names the item for a screen reader; UTC so that server and browser render the same text.
function itemLabel(flag: AnomalyFlag, item: AnomalyItem): string {
  const when = Number.isNaN(Date.parse(item.at)) ? item.at : formatUtc(new Date(item.at));
  return `“${flag.title}” flag for ${item.actorLabel ?? 'an unknown user'} at ${when}`;
}

function RecordedReview({ id, review }: { id: string; review: Review }) {
  return (
    <div id={id} tabIndex={-1} className="space-y-1">
      <Badge className="gap-1 text-ok">
        <span aria-hidden="true">✓</span> Reviewed
      </Badge>
      <p>
        by {review.reviewerName || 'an unknown reviewer'}, <LocalTime iso={review.reviewedAt} />
      </p>
      <p className="whitespace-pre-wrap text-muted">{review.note}</p>
    </div>
  );
}

/** One rule's flags over the last 30 days; a review recorded here is shown in place (no refetch). */
export function AnomalyFlagSection({ flag, reviewerName }: { flag: AnomalyFlag; reviewerName: string }) {
  const id = useId();
  const [items, setItems] = useState(flag.items);
  // The server's count may cover more items than it sent; subtract only what was reviewed here.
  const reviewedHere = items.filter((item, index) => item.review && !flag.items[index]?.review).length;
  const unreviewed = Math.max(0, flag.unreviewed - reviewedHere);
  const reviewId = (index: number) => `${id}-review-${index}`;

  function recorded(index: number, review: { reviewedAt: string; note: string }) {
    setItems((current) => current.map((item, at) => (at === index ? { ...item, review: { ...review, reviewerName } } : item)));
    requestAnimationFrame(() => document.getElementById(reviewId(index))?.focus());
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-md border border-border p-4" data-rule={flag.rule}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {flag.title}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">{flag.description}</p>
        <p className="mt-2 text-sm font-medium">
          {flag.count} flagged, {unreviewed} not yet reviewed
        </p>
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-muted">Nothing flagged.</p>
      ) : (
        <div className="relative overflow-x-auto rounded-md border border-border">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{flag.title}</caption>
            <thead className="bg-surface text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">Time</th>
                <th scope="col" className="px-3 py-2 font-semibold">User</th>
                <th scope="col" className="px-3 py-2 font-semibold">Detail</th>
                <th scope="col" className="px-3 py-2 font-semibold">Person</th>
                <th scope="col" className="px-3 py-2 font-semibold">Review</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => (
                <tr key={item.key} data-item-key={item.key} className="border-t border-border align-top">
                  <th scope="row" className="px-3 py-2 text-left font-normal whitespace-nowrap">
                    <LocalTime iso={item.at} />
                  </th>
                  <td className="px-3 py-2 break-all">{item.actorLabel ?? <span className="text-muted">—</span>}</td>
                  <td className="px-3 py-2">{item.detail}</td>
                  <td className="px-3 py-2">
                    <PersonCell travellerId={item.travellerId} />
                  </td>
                  <td className="px-3 py-2">
                    {item.review ? (
                      <RecordedReview id={reviewId(index)} review={item.review} />
                    ) : (
                      <AnomalyReviewForm
                        rule={flag.rule}
                        itemKey={item.key}
                        itemLabel={itemLabel(flag, item)}
                        onRecorded={(review) => recorded(index, review)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {flag.count > items.length ? (
        <p className="text-sm text-muted">
          Showing the first {items.length} of {flag.count} flagged.
        </p>
      ) : null}
    </section>
  );
}
