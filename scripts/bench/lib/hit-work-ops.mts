// The writes of hit review, measured for `npm run bench` (run-all.mts): revealing a masked
// field, deciding a hit, approving an escalation — each through the API as the demo analyst
// or supervisor, and as the statements the server sends for it, sent straight to PostgreSQL the
// same way — each write one statement with its access event, as reveal-field.ts, decide-hit.ts
// and decide-escalation.ts send it (the event digested here and appended as record.ts does). A decision or an approval consumes its
// hit or request, so each side gets fresh ones: hits submitted as an external engine sends
// them (decision-pool.mts), escalations requested through the API by the analyst.
import { send } from './http-client.mts';
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { contentHash } from '../../../server/access-log/chain.ts';
import { readHitDetailSql, type Actor } from './queue-ops.mts';
import type { HttpSession } from './session.mts';

export interface WriteOperation {
  name: string;
  api: (i: number) => Promise<void>;
  sql: (i: number) => Promise<void>;
}

export type { Actor };

/** POST as the session's user (with our Origin, as the CSRF check wants); rejects unless 2xx. */
export async function post(session: HttpSession, path: string, body: unknown): Promise<unknown> {
  const { status, text } = await send(`${session.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: session.cookie, accept: 'application/json', 'content-type': 'application/json', origin: new URL(session.baseUrl).origin },
    body: JSON.stringify(body),
  });
  if (status < 200 || status > 299) throw new Error(`POST ${path} answered ${status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as unknown;
}

type EventInput = { operation: string; resourceType: string; resourceId: string; travellerId: string; purpose?: string | null; details: Record<string, unknown> };

/** One access event as record.ts stores it: its fields and their content hash, digested here. */
function eventRow(actor: Actor, event: EventInput): Record<string, unknown> {
  const fields = {
    at: new Date(), actorType: 'USER', actorId: actor.id, actorLabel: actor.email, role: actor.role, operation: event.operation, outcome: 'ALLOWED',
    resourceType: event.resourceType, resourceId: event.resourceId, travellerId: event.travellerId, purpose: event.purpose ?? null, recipient: null,
    requestId: randomUUID(), ip: '127.0.0.1', userAgent: 'proportio-bench', details: event.details,
  };
  return { ...fields, contentHash: contentHash(fields) };
}

const TRAVELLER_COLUMNS = `t."familyName", t."givenNames", t."dateOfBirth", t.sex, t.nationality, t."documentType", t."documentNumber",
  t."documentIssuingCountry", t."documentExpiry", t."bookingReference", t."reservationDate", t."flightNumber", t."flightDate",
  t."departureAirport", t."arrivalAirport", t.itinerary, t."contactEmail", t."contactPhone", t.address, t."paymentSummary",
  t."frequentFlyerNumber", t."travelAgency", t."travelStatus", t."generalRemarks", t."coTravellerCount", t."collectedAt", t."maskedAt"`;

/** A hit whose traveller is not masked (a reveal of a masked one is refused). */
export interface RevealableHit {
  id: string;
  travellerId: string;
}

/** Hits whose traveller is not masked, newest first. */
export async function revealableHits(pool: pg.Pool, count: number): Promise<RevealableHit[]> {
  const rows = await pool.query<RevealableHit>(`SELECT h.id, h."travellerId" FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId"
    WHERE t."maskedAt" IS NULL ORDER BY h."createdAt" DESC LIMIT $1`, [count]);
  if (rows.rows.length === 0) throw new Error('no hit with an unmasked traveller to reveal');
  return rows.rows;
}

export function revealOperation(session: HttpSession, pool: pg.Pool, analyst: Actor, hits: readonly RevealableHit[]): WriteOperation {
  const hit = (i: number) => hits[i % hits.length] as RevealableHit;
  return {
    name: 'reveal a field',
    api: async (i) => {
      const body = (await post(session, `/api/v1/hits/${hit(i).id}/reveal`, { field: 'documentNumber', purpose: 'DOCUMENT_CHECK' })) as { field?: string };
      if (body.field !== 'documentNumber') throw new Error('the answer is not the revealed field');
    },
    // As reveal-field.ts sends it: one statement reads the traveller and records the
    // CONSULTATION (only when the traveller is not masked).
    sql: async (i) => {
      const { id, travellerId } = hit(i);
      const event = eventRow(analyst, {
        operation: 'CONSULTATION', resourceType: 'hit', resourceId: id, travellerId, purpose: 'Check the travel document',
        details: { view: 'reveal', field: 'documentNumber', label: 'Document number', purposeCode: 'DOCUMENT_CHECK' },
      });
      const read = await pool.query(`WITH recorded AS (
          SELECT append_access_events($2::jsonb) FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId" WHERE h.id = $1 AND t."maskedAt" IS NULL
        )
        SELECT h."travellerId", ${TRAVELLER_COLUMNS}, (SELECT count(*)::int FROM recorded) AS recorded
          FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId" WHERE h.id = $1`, [id, JSON.stringify([event])]);
      if (read.rows[0]?.recorded !== 1) throw new Error('no such hit, or its traveller is masked');
    },
  };
}

/** Hands out each id once; past the end it throws, so a run that outgrows its pool shows errors. */
export function pool(ids: readonly string[]): (i: number) => string {
  return (i) => {
    const id = ids[i];
    if (!id) throw new Error(`the pool of ${ids.length} is used up`);
    return id;
  };
}

export function decisionOperation(session: HttpSession, db: pg.Pool, analyst: Actor, apiHits: readonly string[], sqlHits: readonly string[]): WriteOperation {
  const forApi = pool(apiHits);
  const forSql = pool(sqlHits);
  return {
    name: 'decide a hit (clear)',
    api: async (i) => void (await post(session, `/api/v1/hits/${forApi(i)}/decision`, { decision: 'clear', reason: 'DIFFERENT_DOB', version: 1 })),
    // As decide-hit.ts sends them: what the suppression needs, read first; then the decision,
    // its history, the suppression and the ALTERATION event in one statement; then the detail.
    sql: async (i) => {
      const hitId = forSql(i);
      const before = (await db.query<{ travellerId: string; status: string; entryId: string; entryVersion: number; familyName: string; givenNames: string; dateOfBirth: Date | null; documentNumber: string | null; collectedAt: Date }>(
        `SELECT h."travellerId", h.status, h."entryId", h."entryVersion", t."familyName", t."givenNames", t."dateOfBirth", t."documentNumber", t."collectedAt"
         FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId" WHERE h.id = $1`, [hitId])).rows[0];
      if (!before) throw new Error('no such hit');
      const identity = createHash('sha256').update(JSON.stringify([before.familyName, before.givenNames, before.dateOfBirth, before.documentNumber])).digest('hex');
      const event = eventRow(analyst, { operation: 'ALTERATION', resourceType: 'hit', resourceId: hitId, travellerId: before.travellerId, details: { change: 'CLEARED', toStatus: 'CLEARED', reason: 'DIFFERENT_DOB' } });
      const decided = await db.query<{ decided: number }>(`WITH decided AS (
          UPDATE "Hit" SET status = 'CLEARED', "clearReason" = 'DIFFERENT_DOB', "decidedById" = $2, "decidedAt" = now(), "assigneeId" = $2, version = version + 1, "updatedAt" = now()
           WHERE id = $1 AND version = 1 AND status IN ('NEW', 'IN_REVIEW') AND ("assigneeId" IS NULL OR "assigneeId" = $2)
          RETURNING id, "travellerId"
        ), history AS (
          INSERT INTO "HitEvent" (id, "hitId", type, "actorId", "fromStatus", "toStatus", data)
          SELECT $3, d.id, 'CLEARED', $2, $4::"HitStatus", 'CLEARED', '{"reason":"DIFFERENT_DOB"}' FROM decided d
        ), remembered AS (
          INSERT INTO "Suppression" (id, "identityKey", "entryId", "entryVersion", "originHitId", "createdById", reason, "expiresAt")
          SELECT $5, $6, $7, $8, d.id, $2, 'Different date of birth', $9::timestamptz + interval '5 years' FROM decided d
          ON CONFLICT ("identityKey", "entryId") DO UPDATE SET "entryVersion" = EXCLUDED."entryVersion", "originHitId" = EXCLUDED."originHitId",
            "createdById" = EXCLUDED."createdById", reason = EXCLUDED.reason, "expiresAt" = EXCLUDED."expiresAt"
        ), recorded AS (
          SELECT append_access_events($10::jsonb) FROM decided
        )
        SELECT (SELECT count(*)::int FROM decided) AS decided, (SELECT count(*)::int FROM recorded) AS recorded`,
      [hitId, analyst.id, randomUUID(), before.status, randomUUID(), identity, before.entryId, before.entryVersion, before.collectedAt, JSON.stringify([event])]);
      if (decided.rows[0]?.decided !== 1) throw new Error('the hit was decided already');
      await readHitDetailSql(db, hitId);
    },
  };
}

/** Requests an escalation of each hit through the API as the analyst; answers the requests' ids. */
export async function requestEscalations(analyst: HttpSession, hitIds: readonly string[], recipientId: string, clients = 4): Promise<string[]> {
  const ids: string[] = new Array<string>(hitIds.length);
  let next = 0;
  const body = {
    legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', dataCategories: ['PASSPORT', 'ITINERARY'], recipientId, urgency: 'ROUTINE', hitVersion: 1,
    objectiveFacts: 'Name, date of birth and nationality agree with the listed person; the document number was checked against the entry.',
    necessity: 'The competent authority needs the identity and itinerary to act on the alert before departure; nothing more is disclosed.',
  };
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < hitIds.length) {
      const k = next++;
      ids[k] = ((await post(analyst, `/api/v1/hits/${hitIds[k]}/escalations`, body)) as { id: string }).id;
    }
  }));
  return ids;
}

export function approvalOperation(session: HttpSession, db: pg.Pool, supervisor: Actor, apiRequests: readonly string[], sqlRequests: readonly string[]): WriteOperation {
  const forApi = pool(apiRequests);
  const forSql = pool(sqlRequests);
  return {
    name: 'approve an escalation',
    api: async (i) => void (await post(session, `/api/v1/escalations/${forApi(i)}/decision`, { decision: 'approve', version: 1 })),
    // As decide-escalation.ts sends them: the request (the four-eyes check, whether it is still
    // pending), then its traveller for the package; then the decision, the hit, its history, the
    // package and the ALTERATION event in one statement; then the detail the supervisor sees.
    sql: async (i) => {
      const escalationId = forSql(i);
      const request = (await db.query<{ requesterId: string; status: string; version: number; hitId: string; travellerId: string; dataCategories: string[] }>(
        `SELECT e."requesterId", e.repersonalisation, e.status, e.version, e."dataCategories", e."hitId", h."travellerId", t."maskedAt" FROM "Escalation" e
         JOIN "Hit" h ON h.id = e."hitId" JOIN "Traveller" t ON t.id = h."travellerId" WHERE e.id = $1`, [escalationId])).rows[0];
      if (!request || request.status !== 'PENDING') throw new Error('no such pending escalation');
      const traveller = (await db.query<Record<string, unknown>>(`SELECT ${TRAVELLER_COLUMNS} FROM "Traveller" t WHERE t.id = $1`, [request.travellerId])).rows[0];
      if (!traveller) throw new Error('no such traveller');
      const row = { ...request, itinerary: traveller.itinerary };
      // The package: the approved categories' fields, as disclosure-content.ts lays them out.
      const fields = Object.entries(traveller);
      const content = { categories: row.dataCategories.map((key) => ({ key, fields: fields.map(([label, value]) => ({ label, value })) })), itinerary: row.itinerary };
      const event = eventRow(supervisor, { operation: 'ALTERATION', resourceType: 'hit', resourceId: row.hitId, travellerId: row.travellerId, details: { change: 'ESCALATION_APPROVED', toStatus: 'ESCALATED', escalationId } });
      const decided = await db.query<{ decided: number }>(`WITH decided AS (
          UPDATE "Escalation" SET status = 'APPROVED', "deciderId" = $2, "decidedAt" = now(), version = version + 1, "updatedAt" = now()
           WHERE id = $1 AND status = 'PENDING' AND version = 1
          RETURNING id, "hitId"
        ), hit AS (
          UPDATE "Hit" h SET status = 'ESCALATED', "decidedById" = $2, "decidedAt" = now(), version = h.version + 1, "updatedAt" = now()
            FROM decided d WHERE h.id = d."hitId" RETURNING h.id
        ), history AS (
          INSERT INTO "HitEvent" (id, "hitId", type, "actorId", "fromStatus", "toStatus", data)
          SELECT $3, h.id, 'ESCALATION_APPROVED', $2, 'ESCALATION_PENDING', 'ESCALATED', $4 FROM hit h
        ), disclosed AS (
          INSERT INTO "DisclosurePackage" (id, "escalationId", categories, content, "expiresAt")
          SELECT $5, d.id, $6, $7, now() + interval '30 days' FROM decided d
        ), recorded AS (
          SELECT append_access_events($8::jsonb) FROM hit
        )
        SELECT (SELECT count(*)::int FROM decided) AS decided, (SELECT count(*)::int FROM recorded) AS recorded`,
      [escalationId, supervisor.id, randomUUID(), JSON.stringify({ escalationId }), randomUUID(), row.dataCategories, JSON.stringify(content), JSON.stringify([event])]);
      if (decided.rows[0]?.decided !== 1) throw new Error('the escalation was decided already');
      const client = await db.connect();
      try {
        // The detail the supervisor sees afterwards: the request with its people and package, and the hit's detail.
        await client.query(`SELECT e.*, r.name AS "requesterName", d.name AS "deciderName", a.name AS "recipientName", p.id AS "packageId", p."expiresAt"
          FROM "Escalation" e JOIN "User" r ON r.id = e."requesterId" LEFT JOIN "User" d ON d.id = e."deciderId"
          JOIN "RecipientAuthority" a ON a.id = e."recipientId" LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id WHERE e.id = $1`, [escalationId]);
        await readHitDetailSql(client, row.hitId);
      } finally {
        client.release();
      }
    },
  };
}
