// What the server and the browser agree on when the database cannot be reached (a restart, a
// failover, a network cut): API routes answer 503 with this message and a Retry-After, pages
// throw an error whose digest starts with the prefix, so the error page can say the same.

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not reachable; try again in a moment.';

/** Seconds a client should wait before retrying (the Retry-After header of a 503). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const DIGEST_PREFIX = 'DATABASE_UNAVAILABLE;';

/** A digest for one such error: the prefix and a reference of its own, which the server's log line carries too. */
export function databaseUnavailableDigest(reference: string): string {
  return `${DIGEST_PREFIX}${reference}`;
}

export function isDatabaseUnavailableDigest(digest: string | undefined): boolean {
  return digest?.startsWith(DIGEST_PREFIX) ?? false;
}
