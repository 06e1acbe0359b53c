'use client';

import { useState } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { Badge } from '@/components/ui/badge';
import type { RepersonalisationReviewItem } from '@/lib/schemas/escalation';
import { legalBasisLabel, legalBasisShort } from './escalation-labels';
import { RepersonalisationReviewForm } from './repersonalisation-review-form';


// Unreviewed first (oldest approval first), then reviewed (latest review first). The order is
// fixed when the page loads, so a row does not jump away from the reviewer who just recorded it.
function reviewOrder(items: RepersonalisationReviewItem[]): RepersonalisationReviewItem[] {
  const open = items.filter((item) => !item.reviewedAt).sort((a, b) => a.approvedAt.localeCompare(b.approvedAt));
  const done = items.filter((item) => item.reviewedAt).sort((a, b) => (b.reviewedAt ?? '').localeCompare(a.reviewedAt ?? ''));
  return [...open, ...done];
}

function Reviewed({ item }: { item: RepersonalisationReviewItem }) {
  return (
    <div id={`review-${item.id}`} tabIndex={-1} className="space-y-1">
      <Badge className="gap-1 text-ok">
        <span aria-hidden="true">✓</span> Reviewed
      </Badge>
      <p>
        by {item.reviewerName ?? 'unknown'}, {item.reviewedAt ? <LocalTime iso={item.reviewedAt} /> : null}
      </p>
      {item.reviewNote ? <p className="whitespace-pre-wrap text-muted">{item.reviewNote}</p> : null}
    </div>
  );
}

export function RepersonalisationReviews({ initialItems, reviewerName }: { initialItems: RepersonalisationReviewItem[]; reviewerName: string }) {
  const [items, setItems] = useState(() => reviewOrder(initialItems));
  const open = items.filter((item) => !item.reviewedAt).length;

  function recorded(id: string, review: { reviewedAt: string; note: string }) {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...review, reviewNote: review.note, reviewerName } : item)));
    requestAnimationFrame(() => document.getElementById(`review-${id}`)?.focus());
  }

  return (
    <div className="space-y-3">
      <p role="status" className="text-sm text-muted">
        {open === 0 ? 'Every approved re-personalisation has been reviewed.' : `${open} of ${items.length} waiting for your review.`}
      </p>
      <div className="relative overflow-x-auto rounded-md border border-border">
        <table className="w-full text-left text-sm">
          <caption className="px-3 py-2 text-left text-sm font-semibold">Approved re-personalisations</caption>
          <thead className="bg-surface text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">Approved</th>
              <th scope="col" className="px-3 py-2 font-semibold">Requested by</th>
              <th scope="col" className="px-3 py-2 font-semibold">Approved by</th>
              <th scope="col" className="px-3 py-2 font-semibold">Recipient</th>
              <th scope="col" className="px-3 py-2 font-semibold">Legal basis and offence</th>
              <th scope="col" className="px-3 py-2 font-semibold">Review</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-8 text-center text-muted">
                  No re-personalisation has been approved. Each approval appears here for your review.
                </td>
              </tr>
            ) : null}
            {items.map((item) => (
              <tr key={item.id} data-escalation-id={item.id} className="border-t border-border align-top">
                <th scope="row" className="px-3 py-2 text-left font-normal whitespace-nowrap">
                  <LocalTime iso={item.approvedAt} />
                  <div className="font-mono text-xs text-muted">hit {item.hitId.slice(0, 8)}</div>
                </th>
                <td className="px-3 py-2">{item.requesterName}</td>
                <td className="px-3 py-2">{item.approverName}</td>
                <td className="px-3 py-2">{item.recipientName}</td>
                <td className="px-3 py-2">
                  <div title={legalBasisLabel(item.legalBasis)}>{legalBasisShort(item.legalBasis)}</div>
                  <div className="text-xs text-muted">{item.offenceCategory}</div>
                </td>
                <td className="px-3 py-2">
                  {item.reviewedAt ? (
                    <Reviewed item={item} />
                  ) : (
                    <RepersonalisationReviewForm
                      escalationId={item.id}
                      label={`Review of the re-personalisation approved by ${item.approverName}`}
                      onRecorded={(review) => recorded(item.id, review)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
