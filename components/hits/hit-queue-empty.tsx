import { Link } from '@/components/ui/app-link';
import { hitQueueHref } from '@/lib/queries/hits';
import type { HitQuery } from '@/lib/schemas/hit';
import { DEFAULT_HIT_QUERY, hitQueryToParams } from '@/lib/schemas/hit-values';

/** What an empty page of the queue says, and the way out of it. */
export function HitQueueEmpty({ query }: { query: HitQuery }) {
  const filtered = hitQueryToParams({ ...query, sort: DEFAULT_HIT_QUERY.sort, cursor: undefined }).toString() !== '';
  if (filtered) {
    return (
      <>
        No hits match these filters —{' '}
        <Link href="/hits" className="font-medium text-primary underline">
          clear filters
        </Link>
        .
      </>
    );
  }
  if (query.cursor) {
    return (
      <>
        No more hits after this point.{' '}
        <Link href={hitQueueHref({ ...query, cursor: undefined })} className="font-medium text-primary underline">
          Go to the first page
        </Link>
        .
      </>
    );
  }
  return <>No open hits right now. New hits appear here as screening produces them; the list refreshes every 30 seconds.</>;
}
