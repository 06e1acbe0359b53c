import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch, ApiError, type ApiErrorBody } from '@/lib/api-client';
import type { ApiTokenView, CreateApiTokenInput, CreatedApiToken } from '@/lib/schemas/api-token';
import type { sdnImportResultSchema } from '@/lib/schemas/ingest';
import type { UpdateWatchlistSourceInput, WatchlistSourceView } from '@/lib/schemas/watchlist-source';

// One key factory for administration: the server render, the client hooks and every
// mutation's invalidation name the same keys (CONVENTIONS.md habit 6).
export const adminKeys = {
  all: ['admin'] as const,
  apiTokens: () => [...adminKeys.all, 'api-tokens'] as const,
  watchlistSources: () => [...adminKeys.all, 'watchlist-sources'] as const,
};

export type SdnImportResult = z.infer<typeof sdnImportResultSchema>;

/** The server refuses larger files (413); the browser says so before uploading them. */
export const MAX_SDN_FILE_BYTES = 32 * 1024 * 1024;

/** Every token, active first; never a secret (the server keeps only a hash). */
export function apiTokenListOptions() {
  return queryOptions({
    queryKey: adminKeys.apiTokens(),
    queryFn: async ({ signal }) => (await apiFetch<{ items: ApiTokenView[] }>('/api/v1/api-tokens', { signal })).items,
  });
}

/**
 * Answers the token and its secret, the only time the secret exists outside the caller's
 * hands. Callers keep it in component state, never in the query or mutation cache.
 */
export function createApiToken(input: CreateApiTokenInput): Promise<CreatedApiToken> {
  return apiFetch<CreatedApiToken>('/api/v1/api-tokens', { body: input });
}

/** Revokes at once; 409 when it was already revoked. */
export function revokeApiToken(id: string): Promise<ApiTokenView> {
  return apiFetch<ApiTokenView>(`/api/v1/api-tokens/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
}

/** The lists with their size and last import; no listed person's data. */
export function watchlistSourceListOptions() {
  return queryOptions({
    queryKey: adminKeys.watchlistSources(),
    queryFn: async ({ signal }) => (await apiFetch<{ items: WatchlistSourceView[] }>('/api/v1/watchlists', { signal })).items,
  });
}

/** Sets one list's match threshold (null: the engine's default); answers the list as it now is. */
export function updateWatchlistSource(code: string, input: UpdateWatchlistSourceInput): Promise<WatchlistSourceView> {
  return apiFetch<WatchlistSourceView>(`/api/v1/watchlists/${encodeURIComponent(code)}`, { method: 'PATCH', body: input });
}

export interface UploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  /** Bytes in all; null when the browser cannot tell. */
  total: number | null;
}

function errorBody(status: number, text: string): ApiErrorBody {
  try {
    const data: unknown = JSON.parse(text);
    if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data as ApiErrorBody;
  } catch {
    // Not JSON (a proxy's error page): fall through to a generic message.
  }
  return { message: `The import failed (${status}).` };
}

/**
 * Uploads OFAC's sdn.csv as the raw body. XMLHttpRequest rather than fetch: only it reports
 * upload progress. `onUploaded` fires when the last byte is sent and the server starts
 * importing. Rejects with ApiError (status 0 when the server could not be reached) or,
 * when `signal` aborts, with an AbortError.
 */
export function importSdnFile(
  sourceCode: string,
  file: Blob,
  handlers: { onProgress?: (progress: UploadProgress) => void; onUploaded?: () => void; signal?: AbortSignal } = {},
): Promise<SdnImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/watchlists/${encodeURIComponent(sourceCode)}/import`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => handlers.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    xhr.upload.onload = () => handlers.onUploaded?.();
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as SdnImportResult);
        } catch {
          reject(new ApiError(xhr.status, { message: 'The server’s answer could not be read; reload the page to see the list’s state.' }));
        }
        return;
      }
      reject(new ApiError(xhr.status, errorBody(xhr.status, xhr.responseText)));
    };
    xhr.onerror = () => reject(new ApiError(0, { message: 'The server could not be reached; nothing was imported. Check the connection and try again.' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (handlers.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    handlers.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
