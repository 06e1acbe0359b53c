import type { ReactNode } from 'react';
import type { WatchlistEntryView } from '@/lib/schemas/hit-detail';
import { formatEntryDateOfBirth } from './detail-format';
import { LocalTime } from '@/components/ui/local-time';

const TYPE_LABELS: Readonly<Record<WatchlistEntryView['type'], string>> = {
  INDIVIDUAL: 'Individual',
  ENTITY: 'Entity',
  VESSEL: 'Vessel',
  AIRCRAFT: 'Aircraft',
};

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(7rem,2fr)_3fr] gap-3 py-2">
      <dt className="text-muted">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function List({ items, empty = 'None listed' }: { items: ReactNode[]; empty?: string }) {
  if (items.length === 0) return <span className="text-muted">{empty}</span>;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="space-y-0.5">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** The listed person the traveller matched, as the list gives it (list data are not masked). */
export function EntryPanel({ entry }: { entry: WatchlistEntryView }) {
  return (
    <section aria-labelledby="entry-heading" className="min-w-0 rounded-lg border border-border p-4">
      <h2 id="entry-heading" className="text-lg font-semibold">
        Watchlist entry
      </h2>
      <p className="mt-1 text-sm text-muted">
        {entry.sourceName} · entry {entry.externalId}, version {entry.version}
      </p>
      <dl className="mt-3 divide-y divide-border text-sm">
        <Row term="Name">
          <span className="font-medium">{entry.primaryName}</span> <span className="text-muted">({TYPE_LABELS[entry.type]})</span>
        </Row>
        <Row term="Aliases">
          <List
            items={entry.aliases.map((alias) => (
              <>
                {alias.name} <span className="text-muted">({alias.quality} alias)</span>
              </>
            ))}
          />
        </Row>
        <Row term="Dates of birth">
          <List items={entry.datesOfBirth.map(formatEntryDateOfBirth)} />
        </Row>
        <Row term="Nationalities">
          <List items={entry.nationalities} />
        </Row>
        <Row term="Documents">
          <List
            items={entry.documents.map((doc) => (
              <>
                {doc.type} <span className="font-mono">{doc.number}</span>
                {doc.country ? ` (${doc.country})` : null}
              </>
            ))}
          />
        </Row>
        <Row term="List">
          {entry.sourceName} <span className="text-muted">({entry.sourceCode})</span>
        </Row>
        <Row term="Offence category">{entry.offenceCategory}</Row>
        <Row term="Legal basis">{entry.legalBasis}</Row>
        <Row term="Programs">
          <List items={entry.programs} />
        </Row>
        <Row term="Remarks">{entry.remarks ?? <span className="text-muted">None</span>}</Row>
        <Row term="Expires">{entry.expiresAt ? <LocalTime iso={entry.expiresAt} dateOnly /> : 'No expiry date'}</Row>
      </dl>
    </section>
  );
}
