import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { SESSION_STATUS_PATH, type SessionStatus } from '@/lib/session-activity';

export const sessionKeys = {
  all: ['session'] as const,
  status: () => [...sessionKeys.all, 'status'] as const,
};

/** The session's deadlines with the browser's clock when they arrived (to count down from). */
export interface ReceivedSessionStatus extends SessionStatus {
  receivedAt: number;
}

function received(status: SessionStatus): ReceivedSessionStatus {
  return { ...status, receivedAt: Date.now() };
}

/** Polled, never extending the session (a background request; proxy.ts marks the GET so too). */
export function sessionStatusOptions() {
  return queryOptions({
    queryKey: sessionKeys.status(),
    queryFn: async ({ signal }) => received(await apiFetch<SessionStatus>(SESSION_STATUS_PATH, { signal, background: true })),
    refetchInterval: 30_000,
    staleTime: 0,
  });
}

/** "Stay signed in": user activity, so the server moves the idle deadline before answering. */
export async function extendSession(): Promise<ReceivedSessionStatus> {
  return received(await apiFetch<SessionStatus>(SESSION_STATUS_PATH, { method: 'POST' }));
}
