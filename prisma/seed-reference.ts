import type { PrismaClient } from '@/generated/prisma/client';
import type { DataClass, Role } from '@/generated/prisma/enums';
import { hashPassword } from '@/server/auth/password';
import { DEMO_USERS } from './demo-users';
import { stableUuid } from './seed-random';

// Reference data the seed creates once: demo users, recipient authorities, retention policies.

export interface SeedUserIds {
  byKey: Record<string, string>;
  analysts: string[];
  supervisors: string[];
  created: number;
}

/** Creates the demo users that do not exist yet (by email); existing ones keep their password. */
export async function writeUsers(prisma: PrismaClient): Promise<SeedUserIds> {
  const emails = DEMO_USERS.map((user) => user.email);
  const existing = new Set((await prisma.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((u) => u.email));
  const missing = DEMO_USERS.filter((user) => !existing.has(user.email));
  const data = await Promise.all(
    missing.map(async (user) => ({
      id: stableUuid('user', user.email),
      email: user.email,
      name: user.name,
      role: user.role,
      unit: user.unit,
      passwordHash: await hashPassword(user.password),
    })),
  );
  const { count } = await prisma.user.createMany({ data, skipDuplicates: true });
  const rows = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, role: true } });
  const idOf = new Map(rows.map((row) => [row.email, row]));
  const byKey: Record<string, string> = {};
  for (const user of DEMO_USERS) {
    const row = idOf.get(user.email);
    if (row) byKey[user.key] = row.id;
  }
  const withRole = (role: Role) => DEMO_USERS.filter((u) => u.role === role).flatMap((u) => (byKey[u.key] ? [byKey[u.key] as string] : []));
  return { byKey, analysts: withRole('ANALYST'), supervisors: withRole('SUPERVISOR'), created: count };
}

export const RECIPIENT_AUTHORITIES: readonly { name: string; country: string }[] = [
  { name: 'Bundeskriminalamt', country: 'DEU' },
  { name: 'Europol (via ENU)', country: 'DEU' },
  { name: 'Bundespolizei', country: 'DEU' },
  { name: 'Zollkriminalamt', country: 'DEU' },
  { name: 'Landeskriminalamt Hessen', country: 'DEU' },
];

export async function writeRecipients(prisma: PrismaClient): Promise<{ ids: Record<string, string>; created: number }> {
  const { count } = await prisma.recipientAuthority.createMany({
    data: RECIPIENT_AUTHORITIES.map((authority) => ({ id: stableUuid('recipient', authority.name), ...authority })),
    skipDuplicates: true,
  });
  const rows = await prisma.recipientAuthority.findMany({ where: { name: { in: RECIPIENT_AUTHORITIES.map((a) => a.name) } }, select: { id: true, name: true } });
  return { ids: Object.fromEntries(rows.map((row) => [row.name, row.id])), created: count };
}

const SIX_MONTHS_DAYS = 183;
const FIVE_YEARS_DAYS = 1826;

export const RETENTION_POLICIES: readonly { dataClass: DataClass; maskAfterDays: number | null; eraseAfterDays: number; legalBasis: string }[] = [
  {
    dataClass: 'TRAVELLER_IDENTIFYING',
    maskAfterDays: SIX_MONTHS_DAYS,
    eraseAfterDays: FIVE_YEARS_DAYS,
    legalBasis: 'PNR Directive art. 12(2): depersonalise by masking the identifying data elements 6 months after transfer; art. 12(1): erase after 5 years',
  },
  {
    dataClass: 'TRAVELLER_RECORD',
    maskAfterDays: null,
    eraseAfterDays: FIVE_YEARS_DAYS,
    legalBasis: 'PNR Directive art. 12(1) and 12(4): retain for 5 years from transfer, then delete permanently',
  },
  {
    dataClass: 'CLEARED_HIT',
    maskAfterDays: null,
    eraseAfterDays: FIVE_YEARS_DAYS,
    legalBasis: 'PNR Directive art. 12(5): a negative result may be kept to avoid future false positives as long as the underlying data are not deleted',
  },
  {
    dataClass: 'ACCESS_EVENT',
    maskAfterDays: null,
    eraseAfterDays: FIVE_YEARS_DAYS,
    legalBasis: 'Law Enforcement Directive art. 25 (logging) and PNR Directive art. 13(6): keep the logs for 5 years',
  },
];

export async function writeRetentionPolicies(prisma: PrismaClient): Promise<number> {
  const { count } = await prisma.retentionPolicy.createMany({
    data: RETENTION_POLICIES.map((policy) => ({ id: stableUuid('retention', policy.dataClass), ...policy })),
    skipDuplicates: true,
  });
  return count;
}
