import 'server-only';
import type { AccessOperation, AccessOutcome } from '@/generated/prisma/enums';
import type { Prisma } from '@/generated/prisma/client';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';
import { contentHash, type ChainedFields } from './chain';

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
  const events = inputs.map((input) => {
    const fields: Omit<ChainedFields, 'seq'> = jsonbSafe({
      at,
      actorType: caller.actorType,
      actorId: caller.actorId,
      actorLabel: caller.actorLabel,
      role: caller.role,
      operation: input.operation,
      outcome: input.outcome ?? 'ALLOWED',
      resourceType: input.resourceType,
      resourceId: input.resourceId ?? null,
      travellerId: input.travellerId ?? null,
      purpose: input.purpose ?? null,
      recipient: input.recipient ?? null,
      requestId: caller.requestId,
      ip: caller.ip,
      userAgent: caller.userAgent,
      details: input.details ?? null,
    });
    return { ...fields, contentHash: contentHash(fields) };
  });
  await tx.$queryRaw`SELECT append_access_events(${JSON.stringify(events)}::jsonb)`;
}

/**
 * The event as PostgreSQL's jsonb can hold it: U+0000 and lone surrogates (which it cannot) as
 * U+FFFD, before the content is digested. A refusal records what was sent — a raw route
 * parameter, a path — and a request that carried one must still leave its event rather than
 * fail with a 500.
 */
function jsonbSafe<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed().replaceAll('\u0000', '\ufffd') as T;
  if (Array.isArray(value)) return value.map(jsonbSafe) as T;
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [jsonbSafe(key), jsonbSafe(child)])) as T;
  }
  return value;
}

export async function recordAccessEvent(tx: Tx, caller: Caller, input: AccessEventInput): Promise<void> {
  await recordAccessEvents(tx, caller, [input]);
}
