import { apiFetch } from '@/lib/api-client';
import type { AccessLogPage, AccessLogQuery, ChainVerificationRun } from '@/lib/schemas/access-log';
import { accessLogQueryToParams } from '@/lib/schemas/access-log-values';

// One key factory for the access log (CONVENTIONS.md habit 6). Searches are read by the
// page on the server, never in the background: each search is itself an access event. (A
// person report's older pages are fetched only when the reader asks for them.)
export const accessLogKeys = {
  all: ['access-log'] as const,
  /** Mutation key of the chain verification, so any part of the page can tell it is running. */
  verify: () => [...accessLogKeys.all, 'verify'] as const,
  /** The older events of one person report, loaded when the reader asks (each page is a recorded search). */
  personEvents: (travellerId: string, firstSeq: string | null) => [...accessLogKeys.all, 'person-events', travellerId, firstSeq] as const,
};

export type ExportFormat = 'csv' | 'json';

/** The search's URL: the filters (and page position) as bookmarkable parameters. */
export function accessLogHref(query: AccessLogQuery): string {
  const params = accessLogQueryToParams(query).toString();
  return params ? `/access-log?${params}` : '/access-log';
}

/** The whole result of a search as a file (every page, so the position is left out). */
export function accessLogExportHref(query: AccessLogQuery, format: ExportFormat): string {
  const params = accessLogQueryToParams({ ...query, cursor: undefined });
  params.set('format', format);
  return `/api/v1/access-log/export?${params.toString()}`;
}

export function personReportHref(travellerId: string): string {
  return `/access-log/person/${encodeURIComponent(travellerId)}`;
}

/** A data subject's full history as a file: the report without the page's limit. */
export function personReportExportHref(travellerId: string, format: ExportFormat): string {
  return `/api/v1/access-log/person/${encodeURIComponent(travellerId)}/export?format=${format}`;
}

/** Starts verifying the chain (or joins the verification already running). */
export function startChainVerification(): Promise<{ run: ChainVerificationRun }> {
  return apiFetch<{ run: ChainVerificationRun }>('/api/v1/access-log/verify', { method: 'POST' });
}

/** The latest verification: its progress while it runs, then its result. */
export function fetchLatestChainVerification(): Promise<{ run: ChainVerificationRun | null }> {
  return apiFetch<{ run: ChainVerificationRun | null }>('/api/v1/access-log/verify');
}

/** One page of the search (recorded as a search by the server), from a cursor. */
export function fetchAccessLogPage(query: AccessLogQuery, signal?: AbortSignal): Promise<AccessLogPage> {
  return apiFetch<AccessLogPage>(`/api/v1/access-log?${accessLogQueryToParams(query).toString()}`, { signal });
}
