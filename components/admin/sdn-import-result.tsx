import type { ReactNode, RefObject } from 'react';
import type { SdnImportResult } from '@/lib/queries/admin';
import { formatCount, plural } from './admin-format';

/** The server reports the first 500 rows it could not read; the screen lists the first 50. */
const SERVER_REPORTED_MAX = 500;
const LISTED_MAX = 50;

function rejectedCount(result: SdnImportResult): string {
  return result.errors.length >= SERVER_REPORTED_MAX ? `at least ${formatCount(result.errors.length)}` : formatCount(result.errors.length);
}

/** One sentence for the live region: what the import did. */
export function importSummary(result: SdnImportResult): string {
  const delisted = result.delistingApplied ? `${formatCount(result.delisted)} delisted` : 'no delisting (some rows could not be read)';
  const rejected = result.errors.length > 0 ? `; ${rejectedCount(result)} ${result.errors.length === 1 ? 'row' : 'rows'} not imported` : '';
  return `Import finished: ${plural(result.rows, 'row', 'rows')} read; ${formatCount(result.created)} created, ${formatCount(result.changed)} changed, ${formatCount(result.unchanged)} unchanged, ${delisted}${rejected}.`;
}

function Figure({ term, children, hint }: { term: string; children: ReactNode; hint?: string }) {
  return (
    <div className="contents">
      <dt className="font-medium">{term}</dt>
      <dd>
        <span className="tabular-nums">{children}</span>
        {hint ? <span className="block text-xs text-muted">{hint}</span> : null}
      </dd>
    </div>
  );
}

/** The counts of an import and every row it could not read, by line number. */
export function SdnImportResultView({ fileName, result, headingRef }: { fileName: string; result: SdnImportResult; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const listed = result.errors.slice(0, LISTED_MAX);
  const unlisted = result.errors.length - listed.length;
  return (
    <section aria-labelledby="sdn-import-result-heading" className="space-y-3 rounded-md border border-border p-4">
      <h3 id="sdn-import-result-heading" ref={headingRef} tabIndex={-1} className="font-semibold">
        Result of importing {fileName} into {result.source}
      </h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <Figure term="Rows read">{formatCount(result.rows)}</Figure>
        <Figure term="Created">{formatCount(result.created)}</Figure>
        <Figure term="Changed (new versions)" hint="Changed entries get a new version, so earlier clearances against them no longer hold.">
          {formatCount(result.changed)}
        </Figure>
        <Figure term="Unchanged">{formatCount(result.unchanged)}</Figure>
        <Figure term="Delisted" hint={result.delistingApplied ? 'Entries of the list missing from the file; they are expired now.' : undefined}>
          {result.delistingApplied
            ? formatCount(result.delisted)
            : `Not applied: ${rejectedCount(result)} ${result.errors.length === 1 ? 'row' : 'rows'} could not be read, and a row that could not be read may be one still listed.`}
        </Figure>
        <Figure term="Warnings" hint="Facts inside imported rows that could not be read; they stay in the entry’s remarks.">
          {formatCount(result.warnings)}
        </Figure>
        <Figure term="Rows not imported">{rejectedCount(result)}</Figure>
      </dl>
      {listed.length > 0 ? (
        <div className="relative overflow-x-auto rounded-md border border-border">
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left text-sm font-semibold">
              Rows not imported{unlisted > 0 ? ` (the first ${formatCount(listed.length)})` : ''}
            </caption>
            <thead className="bg-surface text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Line
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody>
              {listed.map((error) => (
                <tr key={`${error.line}-${error.reason}`} className="border-t border-border align-top">
                  <th scope="row" className="px-3 py-2 text-left font-normal tabular-nums">
                    {error.line}
                  </th>
                  <td className="px-3 py-2 break-words">{error.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {unlisted > 0 ? (
            <p className="border-t border-border px-3 py-2 text-sm text-muted">
              {result.errors.length >= SERVER_REPORTED_MAX ? `And at least ${formatCount(unlisted)} more` : `And ${plural(unlisted, 'more row', 'more rows')}`} not
              listed here. Correct the file and import it again.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
