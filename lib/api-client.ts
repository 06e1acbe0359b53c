// The browser's side of /api/v1: JSON in, JSON out, and errors as values a form can show.
import { ACTIVITY_HEADER, BACKGROUND_ACTIVITY, type SessionEndedReason } from '@/lib/session-activity';

export interface ApiErrorBody {
  message: string;
  fieldErrors?: Record<string, string>;
  /** On a 401: the session ran out (idle, absolute limit) or was signed out. */
  sessionEnded?: SessionEndedReason;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

/** Where a browser whose session ended signs in again, coming back to this page afterwards. */
export function signInAgainHref(reason: SessionEndedReason | undefined): string {
  const params = new URLSearchParams();
  if (reason && reason !== 'logout') params.set('ended', reason);
  params.set('callbackUrl', `${window.location.pathname}${window.location.search}`);
  return `/login?${params.toString()}`;
}

export async function apiFetch<T>(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    signal?: AbortSignal;
    /** A refresh the browser makes on its own: not user activity, so it does not extend the session. */
    background?: boolean;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.background) headers[ACTIVITY_HEADER] = BACKGROUND_ACTIVITY;
  const response = await fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
    cache: 'no-store',
    credentials: 'same-origin',
  });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const body = (data && typeof data === 'object' && 'message' in data ? data : { message: `Request failed (${response.status}).` }) as ApiErrorBody;
    // The session ended (or never was): sign in again, then come back here.
    if (response.status === 401 && typeof window !== 'undefined') window.location.assign(signInAgainHref(body.sessionEnded));
    throw new ApiError(response.status, body);
  }
  return data as T;
}
