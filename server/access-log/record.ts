import 'server-only';
import type { AccessOperation, AccessOutcome } from '@/generated/prisma/enums';
import type { Prisma } from '@/generated/prisma/client';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';
import { createHash, randomUUID } from 'node:crypto';
import { canonicalEvent, contentHash, type ChainedFields } from './chain';
import { digestContent, memoisedEncoder } from './record-digest';

export interface AccessEventInput {
  operation: AccessOperation;
  outcome?: AccessOutcome;
  resourceType: string;
  resourceId?: string | null;
  travellerId?: string | null;
  purpose?: string | null;
  recipient?: string | null;
  details?: Prisma.InputJsonValue | null;
}

/**
 * Appends events to the access log inside the caller's transaction, so the event exists
 * exactly when the operation it describes commits (and a rolled-back operation leaves
 * none). The content of each event is digested here; append_access_events() stores it
 * as pending, without any lock, and the chainer (./chainer.ts) numbers and links the
 * committed events into the hash chain a fraction of a second later.
 */
export async function recordAccessEvents(tx: Tx, caller: Caller, inputs: readonly AccessEventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const at = new Date();
  // The caller's part is the same for every event of the call: made storable once.
  const actor = jsonbSafe({
    actorType: caller.actorType,
    actorId: caller.actorId,
    actorLabel: caller.actorLabel,
    role: caller.role,
    requestId: caller.requestId,
    ip: caller.ip,
    userAgent: caller.userAgent,
  });
  const safe = memoisedSafety();
  const encodeValue = memoisedEncoder();
  const events = inputs.map((input) => {
    const fields: Omit<ChainedFields, 'seq'> = {
      at,
      actorType: actor.actorType,
      actorId: actor.actorId,
      actorLabel: actor.actorLabel,
      role: actor.role,
      operation: input.operation,
      outcome: input.outcome ?? 'ALLOWED',
      resourceType: jsonbSafe(input.resourceType),
      resourceId: jsonbSafe(input.resourceId ?? null),
      travellerId: jsonbSafe(input.travellerId ?? null),
      purpose: jsonbSafe(input.purpose ?? null),
      recipient: jsonbSafe(input.recipient ?? null),
      requestId: actor.requestId,
      ip: actor.ip,
      userAgent: actor.userAgent,
      details: safe(input.details ?? null),
    };
    return { ...fields, contentHash: digestContent(fields, encodeValue) };
  });
  await tx.$queryRaw`SELECT append_access_events(${JSON.stringify(events)}::jsonb)`;
}

/** An event about one traveller, out of a batch of events that differ only in the traveller and a few details. */
export interface TravellerEventItem {
  travellerId: string;
  /** Numbers added to the shared details (e.g. how many hits went with the traveller). */
  counts?: Record<string, number>;
}

/**
 * recordAccessEvents for a batch of events about many travellers that share everything but
 * the traveller (its id is the event's resourceId and travellerId) and a few numeric details
 * — the retention job's one ERASURE event per traveller, thousands a transaction. The shared
 * part is made jsonb-safe and put in canonical form once, with markers where the traveller
 * and the counts go; each event's content hash is that text with the markers replaced.
 * The result is exactly contentHash of each event (checked on the first event of every call),
 * so the chain and its verification do not know the difference.
 */
export async function recordTravellerEvents(
  tx: Tx,
  caller: Caller,
  shared: Omit<AccessEventInput, 'resourceId' | 'travellerId'> & { details: Record<string, Prisma.InputJsonValue> },
  items: readonly TravellerEventItem[],
): Promise<void> {
  if (items.length === 0) return;
  const at = new Date();
  const marker = `@@event-${randomUUID()}@@`;
  const countKeys = Object.keys(items[0]?.counts ?? {});
  const mark = (name: string) => `${marker}${name}`;
  const fields: Omit<ChainedFields, 'seq'> = jsonbSafe({
    at,
    actorType: caller.actorType,
    actorId: caller.actorId,
    actorLabel: caller.actorLabel,
    role: caller.role,
    operation: shared.operation,
    outcome: shared.outcome ?? 'ALLOWED',
    resourceType: shared.resourceType,
    resourceId: null,
    travellerId: null,
    purpose: shared.purpose ?? null,
    recipient: shared.recipient ?? null,
    requestId: caller.requestId,
    ip: caller.ip,
    userAgent: caller.userAgent,
    details: shared.details,
  });
  // The canonical text with every variable part a marker; markers are plain ASCII, so
  // JSON.stringify quotes them unchanged and the split below finds exactly those places.
  const template = canonicalEvent({
    ...fields,
    resourceId: mark('traveller'),
    travellerId: mark('traveller'),
    details: { ...(fields.details as Record<string, unknown>), ...Object.fromEntries(countKeys.map((key) => [key, mark(key)])) },
  });
  const pieces = template.split(new RegExp(`"${marker}([A-Za-z]+)"`));
  const hashes = items.map((item) => {
    let text = '';
    for (let index = 0; index < pieces.length; index += 1) {
      const piece = pieces[index] as string;
      if (index % 2 === 0) text += piece;
      else if (piece === 'traveller') text += JSON.stringify(item.travellerId);
      else text += JSON.stringify(item.counts?.[piece] ?? null);
    }
    return sha256Hex(text);
  });
  const first = items[0];
  if (first) {
    const event = { ...fields, resourceId: first.travellerId, travellerId: first.travellerId, details: { ...(fields.details as Record<string, unknown>), ...first.counts } };
    if (contentHash(event) !== hashes[0]) throw new Error('recordTravellerEvents: the templated content hash differs from contentHash');
  }
  // The shared fields once, then per event the traveller, its counts and its hash
  // (append_traveller_access_events, migration 20261127130000).
  await tx.$queryRaw`SELECT append_traveller_access_events(${JSON.stringify(fields)}::jsonb, ${items.map((item) => item.travellerId)}::uuid[],
    ${items.map((item) => (item.counts ? JSON.stringify(item.counts) : null))}::jsonb[], ${hashes}::text[])`;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The event as PostgreSQL's jsonb can hold it: U+0000 and lone surrogates (which it cannot) as
 * U+FFFD, before the content is digested. A refusal records what was sent — a raw route
 * parameter, a path — and a request that carried one must still leave its event rather than
 * fail with a 500. Values that need no change (nearly all) are returned as they are, uncopied.
 */
function jsonbSafe<T>(value: T): T {
  return storable(value) ? value : cleaned(value);
}

/** jsonbSafe for the details of one call's events, each object checked once (a queue page's events share one). */
function memoisedSafety(): <T>(value: T) => T {
  const known = new Map<object, unknown>();
  return <T>(value: T): T => {
    if (typeof value !== 'object' || value === null) return jsonbSafe(value);
    if (!known.has(value)) known.set(value, jsonbSafe(value));
    return known.get(value) as T;
  };
}

function storable(value: unknown): boolean {
  if (typeof value === 'string') return value.isWellFormed() && !value.includes('\u0000');
  if (Array.isArray(value)) return value.every(storable);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, child] of Object.entries(value)) if (!storable(key) || !storable(child)) return false;
  }
  return true;
}

function cleaned<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed().replaceAll('\u0000', '\ufffd') as T;
  if (Array.isArray(value)) return value.map(cleaned) as T;
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [cleaned(key), cleaned(child)])) as T;
  }
  return value;
}

export async function recordAccessEvent(tx: Tx, caller: Caller, input: AccessEventInput): Promise<void> {
  await recordAccessEvents(tx, caller, [input]);
}
