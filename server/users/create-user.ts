import 'server-only';
import type { CreatedUser, CreateUserInput } from '@/lib/schemas/user';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { hashPassword } from '@/server/auth/password';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError } from '@/server/errors';
import { newInitialPassword } from './initial-password';
import { toUserView, userSelect } from './user-view';

/**
 * Creates a user with a generated one-time initial password, returned this once and stored
 * only as a hash; the user must replace it at first sign-in (mustChangePassword). The
 * creation is an ALTERATION event (no password) in the same transaction.
 */
export async function createUser(caller: Caller, input: CreateUserInput, now = new Date()): Promise<CreatedUser> {
  await requirePermission(caller, 'users.manage', { type: 'user' });
  const initialPassword = newInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ConflictError('A user with this email address already exists.');
    }
    const row = await tx.user
      .create({
        data: { email: input.email, name: input.name, role: input.role, unit: input.unit, passwordHash, mustChangePassword: true, sessionsValidAfter: now },
        select: userSelect,
      })
      .catch((error: unknown) => {
        // Created meanwhile by another request (the unique index decides).
        if (error instanceof Error && 'code' in error && error.code === 'P2002') throw new ConflictError('A user with this email address already exists.');
        throw error;
      });
    await recordAccessEvent(tx, caller, {
      operation: 'ALTERATION',
      resourceType: 'user',
      resourceId: row.id,
      purpose: 'User created',
      details: { email: row.email, role: row.role, unit: row.unit },
    });
    return { user: toUserView(row, now), initialPassword };
  });
}
