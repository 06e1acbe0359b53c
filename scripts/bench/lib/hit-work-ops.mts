// The writes of hit review, measured for `npm run bench` (run-all.mts): revealing a masked
// field, deciding a hit, approving an escalation — each through the API as the demo analyst
// or supervisor, and as the statements the server sends for it straight to PostgreSQL, in the
// same transactions (reveal-field.ts, decide-hit.ts, decide-escalation.ts, with the access event
// digested in Node and appended as record.ts does). A decision or an approval consumes its
// hit or request, so each side gets fresh ones: hits submitted as an external engine sends
// them (decision-pool.mts), escalations requested through the API by the analyst.
import { send } from './http-client.mts';
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { contentHash } from '../../../server/access-log/chain.ts';
import { readHitDetailSql } from './queue-ops.mts';
import type { HttpSession } from './session.mts';

export interface WriteOperation {
  name: string;
  api: (i: number) => Promise<void>;
  sql: (i: number) => Promise<void>;
}

export interface Actor {
  id: string;
  email: string;
  role: string;
}

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

async function transaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
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

/** Appends one access event as record.ts does: digested here, linked later by the chainer. */
async function appendEvent(client: pg.PoolClient, actor: Actor, event: EventInput): Promise<void> {
  await client.query('SELECT append_access_events($1::jsonb)', [JSON.stringify([eventRow(actor, event)])]);
}

const TRAVELLER_COLUMNS = `t."familyName", t."givenNames", t."dateOfBirth", t.sex, t.nationality, t."documentType", t."documentNumber",
  t."documentIssuingCountry", t."documentExpiry", t."bookingReference", t."reservationDate", t."flightNumber", t."flightDate",
  t."departureAirport", t."arrivalAirport", t.itinerary, t."contactEmail", t."contactPhone", t.address, t."paymentSummary",
  t."frequentFlyerNumber", t."travelAgency", t."travelStatus", t."generalRemarks", t."coTravellerCount", t."collectedAt", t."maskedAt"`;

/** Hits whose traveller is not masked (a reveal of a masked one is refused), newest first. */
export async function revealableHits(pool: pg.Pool, count: number): Promise<string[]> {
  const rows = await pool.query<{ id: string }>(`SELECT h.id FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId"
    WHERE t."maskedAt" IS NULL ORDER BY h."createdAt" DESC LIMIT $1`, [count]);
  if (rows.rows.length === 0) throw new Error('no hit with an unmasked traveller to reveal');
  return rows.rows.map((row) => row.id);
}

export function revealOperation(session: HttpSession, pool: pg.Pool, analyst: Actor, hitIds: readonly string[]): WriteOperation {
  const hitId = (i: number) => hitIds[i % hitIds.length] as string;
  return {
    name: 'reveal a field',
    api: async (i) => {
      const body = (await post(session, `/api/v1/hits/${hitId(i)}/reveal`, { field: 'documentNumber', purpose: 'DOCUMENT_CHECK' })) as { field?: string };
      if (body.field !== 'documentNumber') throw new Error('the answer is not the revealed field');
    },
    sql: (i) => transaction(pool, async (client) => {
      const hit = (await client.query<{ travellerId: string }>(`SELECT h."travellerId", ${TRAVELLER_COLUMNS} FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId" WHERE h.id = $1`, [hitId(i)])).rows[0];
      if (!hit) throw new Error('no such hit');
      await appendEvent(client, analyst, {
        operation: 'CONSULTATION', resourceType: 'hit', resourceId: hitId(i), travellerId: hit.travellerId, purpose: 'Check the travel document',
        details: { view: 'reveal', field: 'documentNumber', label: 'Document number', purposeCode: 'DOCUMENT_CHECK' },
      });
    }),
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
      const client = await db.connect();
      try {
        await readHitDetailSql(client, hitId);
      } finally {
        client.release();
      }
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
    sql: async (i) => {
      const escalationId = forSql(i);
      // Read before the transaction, as the app does: the requester (four-eyes) and whether the data were masked.
      const request = (await db.query(`SELECT e."requesterId", e.repersonalisation, t."maskedAt" FROM "Escalation" e JOIN "Hit" h ON h.id = e."hitId"
        JOIN "Traveller" t ON t.id = h."travellerId" WHERE e.id = $1`, [escalationId])).rows[0];
      if (!request) throw new Error('no such escalation');
      await transaction(db, async (client) => {
        const updated = await client.query(`UPDATE "Escalation" SET status = 'APPROVED', "deciderId" = $2, "decidedAt" = now(), version = version + 1, "updatedAt" = now()
          WHERE id = $1 AND status = 'PENDING' AND version = 1`, [escalationId, supervisor.id]);
        if (updated.rowCount !== 1) throw new Error('the escalation was decided already');
        const row = (await client.query<{ hitId: string; travellerId: string; dataCategories: string[] } & Record<string, unknown>>(
          `SELECT e."dataCategories", h.id AS "hitId", h."travellerId", ${TRAVELLER_COLUMNS} FROM "Escalation" e JOIN "Hit" h ON h.id = e."hitId"
           JOIN "Traveller" t ON t.id = h."travellerId" WHERE e.id = $1`, [escalationId])).rows[0];
        if (!row) throw new Error('no such escalation');
        await client.query(`UPDATE "Hit" SET status = 'ESCALATED', "decidedById" = $2, "decidedAt" = now(), version = version + 1, "updatedAt" = now() WHERE id = $1`, [row.hitId, supervisor.id]);
        await client.query(`INSERT INTO "HitEvent" (id, "hitId", type, "actorId", "fromStatus", "toStatus", data)
          VALUES ($1, $2, 'ESCALATION_APPROVED', $3, 'ESCALATION_PENDING', 'ESCALATED', $4)`, [randomUUID(), row.hitId, supervisor.id, JSON.stringify({ escalationId })]);
        await appendEvent(client, supervisor, { operation: 'ALTERATION', resourceType: 'hit', resourceId: row.hitId, travellerId: row.travellerId, details: { change: 'ESCALATION_APPROVED', toStatus: 'ESCALATED', escalationId } });
        // The package: the approved categories' fields, as disclosure-content.ts lays them out.
        const content = { categories: row.dataCategories.map((key) => ({ key, fields: Object.entries(row).filter(([field]) => !['hitId', 'dataCategories'].includes(field)).map(([label, value]) => ({ label, value })) })), itinerary: row.itinerary };
        await client.query(`INSERT INTO "DisclosurePackage" (id, "escalationId", categories, content, "expiresAt") VALUES ($1, $2, $3, $4, now() + interval '30 days')`,
          [randomUUID(), escalationId, row.dataCategories, JSON.stringify(content)]);
        // The detail the supervisor sees afterwards: the request with its people and package, and the hit's detail.
        await client.query(`SELECT e.*, r.name AS "requesterName", d.name AS "deciderName", a.name AS "recipientName", p.id AS "packageId", p."expiresAt"
          FROM "Escalation" e JOIN "User" r ON r.id = e."requesterId" LEFT JOIN "User" d ON d.id = e."deciderId"
          JOIN "RecipientAuthority" a ON a.id = e."recipientId" LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id WHERE e.id = $1`, [escalationId]);
        await readHitDetailSql(client, row.hitId);
      });
    },
  };
}
