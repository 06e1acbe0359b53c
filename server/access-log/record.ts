import 'server-only';
import type { AccessOperation, AccessOutcome } from '@/generated/prisma/enums';
import type { Prisma } from '@/generated/prisma/client';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';
import type { ChainedFields } from './chain';
import { eventTemplate, type SharedEventInput } from './event-template';
import { jsonbSafe, memoisedSafety } from './jsonb-safe';
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
 * part is made jsonb-safe and put in canonical form once (./event-template.ts); each event's
 * content hash is that text with the traveller and counts in their slots, exactly
 * contentHash of the event, so the chain and its verification do not know the difference.
 */
export async function recordTravellerEvents(
  tx: Tx,
  caller: Caller,
  shared: SharedEventInput & { details: Record<string, Prisma.InputJsonValue> },
  items: readonly TravellerEventItem[],
): Promise<void> {
  if (items.length === 0) return;
  const template = eventTemplate(caller, shared, { resourceId: 'traveller', travellerId: 'traveller', details: Object.keys(items[0]?.counts ?? {}) });
  const hashes = items.map((item) => template.hash({ ...item.counts, traveller: item.travellerId }));
  // The shared fields once, then per event the traveller, its counts and its hash
  // (append_traveller_access_events, migration 20261127130000).
  await tx.$queryRaw`SELECT append_traveller_access_events(${JSON.stringify(template.fields)}::jsonb, ${items.map((item) => item.travellerId)}::uuid[],
    ${items.map((item) => (item.counts ? JSON.stringify(item.counts) : null))}::jsonb[], ${hashes}::text[])`;
}

export async function recordAccessEvent(tx: Tx, caller: Caller, input: AccessEventInput): Promise<void> {
  await recordAccessEvents(tx, caller, [input]);
}
