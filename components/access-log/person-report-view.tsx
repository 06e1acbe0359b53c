import type { ReactNode } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { Link } from '@/components/ui/app-link';
import { PrintButton } from '@/components/ui/print-button';
import { personReportExportHref } from '@/lib/queries/access-log';
import type { PersonReport } from '@/lib/schemas/access-log';
import { ExportLinks } from './export-links';
import { PersonEventPages } from './person-event-pages';
import { PersonSummaryTable } from './person-summary-table';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(9rem,1fr)_2fr] gap-3 py-1.5 break-inside-avoid">
      <dt className="text-muted print:text-black">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** Everything that happened to one traveller's data, for answering a data subject's access request. */
export function PersonReportView({ report, canExport }: { report: PersonReport; canExport: boolean }) {
  const { person, events, nextCursor, summary } = report;
  // An erased traveller's record is gone but the events about them remain.
  const erased = !person.collectedAt;
  return (
    <article className="space-y-6 print:space-y-4 print:text-black">
      <p className="text-sm print:hidden">
        <Link href="/access-log" className="text-primary underline underline-offset-4">
          Access log
        </Link>
      </p>
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Person report</h1>
          <p className="mt-1 max-w-3xl text-sm text-muted print:text-black">
            Every recorded operation on this person’s data, for a data subject’s access request. Opening this report is itself recorded.
          </p>
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          {canExport ? (
            <ExportLinks
              label="Export the whole history"
              csvHref={personReportExportHref(person.travellerId, 'csv')}
              jsonHref={personReportExportHref(person.travellerId, 'json')}
            />
          ) : null}
          <PrintButton />
        </div>
      </header>
      <section aria-labelledby="person-heading" className="rounded-md border border-border p-4 break-inside-avoid print:rounded-none print:border-0 print:px-0">
        <h2 id="person-heading" className="text-lg font-semibold">
          Person
        </h2>
        <dl className="mt-2 divide-y divide-border text-sm">
          <Row term="Name (masked)">{person.maskedName}</Row>
          <Row term="Booking reference">{person.bookingReference ?? '—'}</Row>
          <Row term="Flight">
            {erased ? '—' : (
              <>
                <span className="font-mono">{person.flightNumber}</span> on {person.flightDate.slice(0, 10)}
              </>
            )}
          </Row>
          <Row term="Collected at">{erased ? '—' : <LocalTime iso={person.collectedAt} />}</Row>
          <Row term="Masked under retention">{person.maskedAt ? <LocalTime iso={person.maskedAt} /> : 'Not yet'}</Row>
          <Row term="Traveller id">
            <span className="font-mono text-xs">{person.travellerId}</span>
          </Row>
        </dl>
        {erased ? (
          <p className="mt-2 text-sm text-muted print:text-black">The traveller’s record has been erased; the events about it are kept in the log.</p>
        ) : null}
      </section>
      <PersonSummaryTable summary={summary} />
      <PersonEventPages travellerId={person.travellerId} initial={{ events, nextCursor }} total={summary.reduce((sum, row) => sum + row.count, 0)} canExport={canExport} />
    </article>
  );
}
