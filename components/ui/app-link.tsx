import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The only link component of the app. Next.js prefetches links in the viewport by
 * rendering their pages ahead of a click; for pages of personal data that would send
 * data nobody asked for to the browser and write access events for views that never
 * happened. So nothing is prefetched unless a caller opts in for a page without it.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
