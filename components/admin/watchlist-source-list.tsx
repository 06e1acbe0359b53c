'use client';

import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';
import { watchlistSourceListOptions } from '@/lib/queries/admin';
import type { WatchlistSourceView } from '@/lib/schemas/watchlist-source';
import { WatchlistSourceTable } from './watchlist-source-table';

/** The sources, first read on the server; an import refreshes them through the query. */
export function WatchlistSourceList({ initialItems, renderedAt }: { initialItems: WatchlistSourceView[]; renderedAt: number }) {
  const { data: items, isFetching, isError, error } = useQuery({ ...watchlistSourceListOptions(), initialData: initialItems, initialDataUpdatedAt: renderedAt });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <p id="watchlist-list-description" className="text-sm text-muted">
          {items.length} {items.length === 1 ? 'source' : 'sources'}, by code. Entries listed are those not expired; delisted ones are kept as history.
          Sizes only: no listed person’s data is shown here.
        </p>
        <span aria-hidden="true" className="text-sm text-muted">
          {isFetching ? 'Updating…' : ''}
        </span>
      </div>
      {isError ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          Could not refresh the list: {error instanceof ApiError ? error.message : 'the server did not answer.'} The list below is the last one loaded.
        </p>
      ) : null}
      <WatchlistSourceTable items={items} />
    </div>
  );
}
