import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { UserView } from '@/lib/schemas/user';

// What an administrator sees of a user: never the password hash or a second-factor secret.
export const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  unit: true,
  active: true,
  lockedUntil: true,
  mustChangePassword: true,
  totpEnabledAt: true,
  lastLoginAt: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

/** A lock that has run out is no lock: `lockedUntil` is null unless it is still in force at `now`. */
export function toUserView(row: UserRow, now: Date): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    unit: row.unit,
    active: row.active,
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    mustChangePassword: row.mustChangePassword,
    totpEnabled: row.totpEnabledAt !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
