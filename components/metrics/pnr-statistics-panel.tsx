import { Link } from '@/components/ui/app-link';
import { pnrStatisticsHref } from '@/lib/queries/metrics';
import type { MetricsQuery } from '@/lib/schemas/metrics';

const LINK_CLASS = 'inline-flex h-10 items-center rounded-md border border-border bg-surface px-4 text-sm font-medium text-fg hover:bg-border/40';

/** The PNR Directive art. 20 statistics of the period, as files for the annual report. */
export function PnrStatisticsPanel({ query }: { query: MetricsQuery }) {
  return (
    <section aria-labelledby="pnr-statistics-heading" className="space-y-2 rounded-md border border-border p-4 print:hidden">
      <h2 id="pnr-statistics-heading" className="text-lg font-semibold">
        PNR Directive art. 20 statistics
      </h2>
      <p className="max-w-3xl text-sm text-muted">
        For {query.from} to {query.to}: passengers whose data were collected, and passengers identified for further examination (a person confirmed their hit
        as a true match, or sent it for escalation), with the definitions in the file.
      </p>
      <div role="group" aria-label="Art. 20 statistics" className="flex flex-wrap gap-2">
        <Link href={pnrStatisticsHref(query, 'csv')} download className={LINK_CLASS}>
          Art. 20 statistics (CSV)
        </Link>
        <Link href={pnrStatisticsHref(query, 'json')} download className={LINK_CLASS}>
          Art. 20 statistics (JSON)
        </Link>
      </div>
    </section>
  );
}
