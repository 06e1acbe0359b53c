import type { ReactNode } from 'react';
import type { TimelineEntry } from '@/lib/schemas/hit-detail';
import { LocalTime } from '@/components/ui/local-time';

/** The hit's history, newest first. */
export function HitTimeline({ entries, children }: { entries: TimelineEntry[]; children?: ReactNode }) {
  const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section aria-labelledby="history-heading" className="mt-6 rounded-lg border border-border p-4">
      <h2 id="history-heading" className="text-lg font-semibold">
        History
      </h2>
      {children}
      {newestFirst.length === 0 ? (
        <p className="mt-2 text-sm text-muted">Nothing recorded yet.</p>
      ) : (
        <ol className="mt-3 divide-y divide-border text-sm">
          {newestFirst.map((entry) => (
            <li key={entry.id} className="py-2">
              <p>
                <span className="text-muted">
                  <LocalTime iso={entry.at} />
                </span>{' '}
                — <span className="font-medium">{entry.actorName ?? 'System'}</span> {entry.text}
              </p>
              {entry.note ? (
                <blockquote className="mt-1 border-l-2 border-border pl-3 whitespace-pre-wrap">{entry.note}</blockquote>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
