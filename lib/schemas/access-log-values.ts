// The access log's operations, outcomes and search URL, without zod: what the browser's forms and
// lists need at first load. access-log.ts re-exports it all; the forms load access-log.ts (and zod
// with it) when submitted.
import type { AccessLogQuery } from './access-log';

export const ACCESS_OPERATIONS = [
  'COLLECTION', 'CONSULTATION', 'ALTERATION', 'DISCLOSURE', 'COMBINATION', 'ERASURE', 'LOGIN', 'LOGOUT', 'LOGIN_FAILED', 'DENIED',
] as const;

export type AccessOperation = (typeof ACCESS_OPERATIONS)[number];

export const ACCESS_OUTCOMES = ['ALLOWED', 'DENIED', 'FAILED'] as const;

/** The search's URL parameters, in order: the keys of access-log.ts's accessLogFilterFields (access-log-values.test.ts checks they agree). */
export const ACCESS_LOG_FILTER_KEYS = ['actor', 'travellerId', 'bookingReference', 'documentNumber', 'operation', 'outcome', 'from', 'to', 'purpose', 'cursor'] as const;

export function accessLogQueryToParams(query: AccessLogQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ACCESS_LOG_FILTER_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}
