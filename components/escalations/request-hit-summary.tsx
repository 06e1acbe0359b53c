import type { ReactNode } from 'react';
import { formatScore } from '@/lib/format';

export interface RequestHitSummaryProps {
  /** Masked: "M. A****". */
  maskedName: string;
  listName: string;
  offenceCategory: string;
  score: number;
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-muted">{term}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

/** The hit being escalated, in short and masked. */
export function RequestHitSummary({ maskedName, listName, offenceCategory, score }: RequestHitSummaryProps) {
  return (
    <section aria-label="Hit to escalate" className="mb-6">
      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-border bg-surface p-4 sm:grid-cols-4">
        <Item term="Traveller">
          <span className="font-mono">{maskedName}</span>
        </Item>
        <Item term="List">{listName}</Item>
        <Item term="Offence category">{offenceCategory}</Item>
        <Item term="Score">
          <span className="tabular-nums">{formatScore(score)}</span>
        </Item>
      </dl>
    </section>
  );
}
