import { headers } from 'next/headers';
import { Suspense, type ReactNode } from 'react';
import { isClientNavigation } from '@/lib/client-navigation';

async function Deferred({ load }: { load: () => Promise<ReactNode> }) {
  return load();
}

/**
 * A page's data section behind a skeleton. On a client-side navigation the page (its heading,
 * checked permission and all) arrives at once with the skeleton, and the data stream in after.
 * A document load reads the data first (`load()` is awaited before the boundary renders), so
 * a failure while reading them is still a 500 with the error page rendered on the server
 * (streaming would have sent 200 first); async components inside what `load()` returns may
 * still stream in behind the skeleton within that one response. The permission check stays
 * above this boundary, so a refusal is a 403 either way. The boundary is there in both cases,
 * so the tree the browser hydrated and the one a navigation brings match, and nothing below
 * remounts. A document load's data are there before the boundary is, so it never shows its
 * skeleton: the skeleton is left out of that answer rather than rendered into its payload for
 * nothing (on the queue, a fifth of the page's server components).
 */
export async function DataBoundary({ fallback, load }: { fallback: ReactNode; load: () => Promise<ReactNode> }) {
  const navigating = isClientNavigation(await headers());
  return navigating ? (
    <Suspense fallback={fallback}>
      <Deferred load={load} />
    </Suspense>
  ) : (
    <Suspense fallback={null}>{await load()}</Suspense>
  );
}
