import { Badge } from '@/components/ui/badge';
import { formatAge, formatScore, HIT_STATUS_LABELS } from '@/lib/format';

// The row shape the server sends: already masked (server/hits/list-hits.ts).
export interface HitRow {
  id: string;
  travellerName: string;
  nationality: string | null;
  yearOfBirth: number | null;
  score: number;
  priority: number;
  sourceName: string;
  offenceCategory: string;
  status: keyof typeof HIT_STATUS_LABELS;
  assigneeName: string | null;
  flightNumber: string;
  flightDate: string;
  createdAt: string;
  dueAt: string;
}

export function HitTable({ hits, now }: { hits: HitRow[]; now: Date }) {
  if (hits.length === 0) {
    return (
      <p className="rounded-md border border-border bg-surface p-6 text-sm text-muted">
        No open hits. New hits appear here as screening produces them.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Open hits, most urgent first. Traveller names are masked.</caption>
        <thead className="bg-surface text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Traveller</th>
            <th scope="col" className="px-3 py-2">Nationality</th>
            <th scope="col" className="px-3 py-2">Born</th>
            <th scope="col" className="px-3 py-2 text-right">Score</th>
            <th scope="col" className="px-3 py-2">List</th>
            <th scope="col" className="px-3 py-2">Offence category</th>
            <th scope="col" className="px-3 py-2">Flight</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Age</th>
            <th scope="col" className="px-3 py-2">Review due</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => {
            const overdue = new Date(hit.dueAt) < now;
            return (
              <tr key={hit.id} className="border-t border-border">
                <td className="px-3 py-2 font-mono" data-testid="traveller-name">{hit.travellerName}</td>
                <td className="px-3 py-2">{hit.nationality ?? '—'}</td>
                <td className="px-3 py-2">{hit.yearOfBirth ?? '—'}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatScore(hit.score)}</td>
                <td className="px-3 py-2">{hit.sourceName}</td>
                <td className="px-3 py-2">{hit.offenceCategory}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {hit.flightNumber} · {hit.flightDate}
                </td>
                <td className="px-3 py-2">
                  <Badge>{HIT_STATUS_LABELS[hit.status]}</Badge>
                  {hit.assigneeName ? <span className="ml-2 text-xs text-muted">{hit.assigneeName}</span> : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{formatAge(new Date(hit.createdAt), now)}</td>
                <td className={overdue ? 'px-3 py-2 font-medium whitespace-nowrap text-danger' : 'px-3 py-2 whitespace-nowrap'}>
                  {overdue ? `Overdue ${formatAge(new Date(hit.dueAt), now)}` : `in ${formatAge(now, new Date(hit.dueAt))}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
