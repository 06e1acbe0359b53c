import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Activity } from '@/server/auth/user-session';

/**
 * What proxy.ts gives a page request — its request id, whether it is the user's activity —
 * for the JSON API, which proxy.ts does not run for: running it cost each API request 0.5 ms
 * of the server's CPU (a sixth of a queue page's; scripts/bench/README.md, fourth pass).
 * apiRoute() and the file answers open a scope per request; whatever records access events
 * or answers an error inside it reads the id from here, so a request's events, its log line
 * and its X-Request-Id agree, and an id the client sent is never taken for ours.
 */
export interface RequestScope {
  requestId: string;
  /** Set where the route says so (GET /api/v1/session): the request does not extend the session. */
  activity?: Activity;
}

const scopes = new AsyncLocalStorage<RequestScope>();

export function withRequestScope<T>(fn: () => T, options: { activity?: Activity } = {}): T {
  return scopes.run({ requestId: crypto.randomUUID(), ...options }, fn);
}

/** This API request's scope, or undefined outside one (pages, server actions: proxy.ts stamped their headers). */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** The request's id: its API scope's, else the one proxy.ts stamped on a page request (`stamped`, its x-request-id header), else null. */
export function requestIdOf(stamped: string | null): string | null {
  return currentRequestScope()?.requestId ?? stamped;
}

/** An API answer made inside a request scope of its own, its id named in X-Request-Id (as proxy.ts names a page's). */
export function answerInScope<R extends Response>(answer: () => Promise<R>, options: { activity?: Activity } = {}): Promise<R> {
  return withRequestScope(async () => {
    const response = await answer();
    response.headers.set('X-Request-Id', (currentRequestScope() as RequestScope).requestId);
    return response;
  }, options);
}
