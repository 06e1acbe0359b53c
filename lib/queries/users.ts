import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import type { ChangePasswordInput, ChangeUserRoleInput, CreatedUser, CreateUserInput, UserView } from '@/lib/schemas/user';

// One key factory for users: the server render, the client hooks and every mutation's
// invalidation name the same keys (CONVENTIONS.md habit 6).
export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};

/** Every user, active ones first; never a password hash or a second-factor secret. */
export function userListOptions() {
  return queryOptions({
    queryKey: userKeys.list(),
    queryFn: async ({ signal }) => (await apiFetch<{ items: UserView[] }>('/api/v1/users', { signal })).items,
  });
}

/**
 * Answers the user and the one-time initial password, the only time it exists outside the
 * server. Callers keep it in component state, never in the query or mutation cache.
 */
export function createUser(input: CreateUserInput): Promise<CreatedUser> {
  return apiFetch<CreatedUser>('/api/v1/users', { body: input });
}

/** Changes another user's role; their sessions end at once. 403 for one's own role. */
export function changeUserRole(id: string, input: ChangeUserRoleInput): Promise<UserView> {
  return apiFetch<UserView>(`/api/v1/users/${encodeURIComponent(id)}/role`, { body: input });
}

/** Deactivates (sessions end at once) or reactivates another user; 409 when already so. */
export function setUserActive(id: string, active: boolean): Promise<UserView> {
  return apiFetch<UserView>(`/api/v1/users/${encodeURIComponent(id)}/active`, { body: { active } });
}

/** Lifts a login lock; 409 when the user is not locked. */
export function unlockUser(id: string): Promise<UserView> {
  return apiFetch<UserView>(`/api/v1/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' });
}

/** Changes the caller's own password; every session of theirs ends, so the browser signs in again. */
export function changeOwnPassword(input: ChangePasswordInput): Promise<{ ok: true }> {
  return apiFetch<{ ok: true }>('/api/v1/account/password', { body: input });
}

/** Starts setting up the caller's own TOTP second factor: the secret, shown this once. */
export function beginTotpSetup(): Promise<{ secret: string; uri: string }> {
  return apiFetch<{ secret: string; uri: string }>('/api/v1/account/totp', { method: 'POST' });
}

export function confirmTotpSetup(code: string): Promise<{ enabledAt: string }> {
  return apiFetch<{ enabledAt: string }>('/api/v1/account/totp/confirm', { method: 'POST', body: { code } });
}

export function disableTotp(code: string): Promise<{ enabledAt: null }> {
  return apiFetch<{ enabledAt: null }>('/api/v1/account/totp/disable', { method: 'POST', body: { code } });
}

export function resetUserTotp(id: string): Promise<UserView> {
  return apiFetch<UserView>(`/api/v1/users/${encodeURIComponent(id)}/totp-reset`, { method: 'POST' });
}
