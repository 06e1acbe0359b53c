import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Role } from '@/generated/prisma/enums';
import type { Caller } from '@/server/auth/caller';
import { hashPassword } from '@/server/auth/password';
import { chainAccessEvents } from '@/server/access-log/chainer';
import { db } from '@/server/db';

// Test data with unique values per call, so tests never depend on each other's rows.

export async function createUser(role: Role, password = 'correct horse battery staple') {
  const suffix = randomUUID().slice(0, 8);
  const user = await db().user.create({
    data: {
      email: `${role.toLowerCase()}-${suffix}@example.test`,
      name: `Test ${role} ${suffix}`,
      role,
      unit: 'Test unit',
      passwordHash: await hashPassword(password),
      sessionsValidAfter: new Date(Date.now() - 60_000),
    },
  });
  return { ...user, password };
}

/** A token as the JWT carries it, naming a server-side session started at `issuedAt` (ms or a Date). */
export async function sessionTokenFor(userId: string, issuedAt: number | Date = Date.now()) {
  const at = new Date(issuedAt);
  const session = await db().session.create({ data: { userId, createdAt: at, lastSeenAt: at }, select: { id: true } });
  return { uid: userId, sid: session.id, issuedAt: at.getTime() };
}

export function callerFor(user: { id: string; email: string; role: Role }): Caller {
  return {
    actorType: 'USER',
    actorId: user.id,
    actorLabel: user.email,
    role: user.role,
    requestId: randomUUID(),
    ip: '127.0.0.1',
    userAgent: 'integration-test',
  };
}

export async function createHit(
  options: { status?: 'NEW' | 'IN_REVIEW' | 'CLEARED'; dueAt?: Date; score?: number; assigneeId?: string | null; sourceCode?: string } = {},
) {
  const suffix = randomUUID().slice(0, 8);
  const source = await db().watchlistSource.upsert({
    where: { code: options.sourceCode ?? 'TEST-LIST' },
    update: {},
    create: { code: options.sourceCode ?? 'TEST-LIST', name: `Test list ${options.sourceCode ?? ''}`.trim(), defaultLegalBasis: 'Test basis' },
  });
  const entry = await db().watchlistEntry.create({
    data: {
      sourceId: source.id,
      externalId: `entry-${suffix}`,
      primaryName: `QUARTERMAIN, Zebedee ${suffix}`,
      familyName: 'QUARTERMAIN',
      givenNames: 'Zebedee',
      nationalities: ['GBR'],
      programs: [],
      offenceCategory: 'terrorism',
      legalBasis: 'Test basis',
      contentHash: suffix,
    },
  });
  const traveller = await db().traveller.create({
    data: {
      familyName: 'Quartermain',
      givenNames: `Zebedee`,
      yearOfBirth: 1980,
      dateOfBirth: new Date('1980-04-02'),
      nationality: 'GBR',
      documentNumber: `P${suffix}`,
      contactEmail: `zebedee.${suffix}@example.test`,
      flightNumber: 'LH400',
      flightDate: new Date('2026-11-20'),
      departureAirport: 'JFK',
      arrivalAirport: 'FRA',
    },
  });
  const hit = await db().hit.create({
    data: {
      travellerId: traveller.id,
      entryId: entry.id,
      entryVersion: entry.version,
      sourceId: source.id,
      offenceCategory: entry.offenceCategory,
      flightDate: traveller.flightDate,
      score: options.score ?? 0.91,
      status: options.status ?? 'NEW',
      assigneeId: options.assigneeId ?? null,
      // As createHits stores it: no traveller values (lib/hits/stored-explanation.ts).
      explanation: [
        { field: 'familyName', method: 'exact', travellerField: 'familyName', entryValue: 'QUARTERMAIN', similarity: 1, agrees: true },
        { field: 'document', method: 'none', travellerField: 'documentNumber', entryValue: null, similarity: null, agrees: null },
      ],
      dueAt: options.dueAt ?? new Date(Date.now() + 12 * 3600_000),
    },
  });
  return { hit, traveller, entry, source };
}

/**
 * The chained access log, after linking what has committed: requests store their events
 * as pending and the server's chainer links them a moment later, so a test that reads the
 * log right after an operation links first, as verification does.
 */
export async function chainedAccessEvents() {
  await chainAccessEvents();
  return db().accessEvent;
}
