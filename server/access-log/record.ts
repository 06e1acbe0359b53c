import 'server-only';
import type { AccessOperation, AccessOutcome } from '@/generated/prisma/enums';
import { Prisma } from '@/generated/prisma/client';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';
import { chainHash, type ChainedFields } from './chain';

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
 * Appends events to the access log inside the caller's transaction, so the event
 * exists exactly when the operation it describes commits. Locking the chain's head
 * row serialises writers until commit: the chain never forks, seq has no gaps.
 */
export async function recordAccessEvents(tx: Tx, caller: Caller, inputs: readonly AccessEventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const heads = await tx.$queryRaw<{ lastSeq: bigint; hash: string }[]>`
    SELECT "lastSeq", "hash" FROM "AccessLogHead" WHERE "id" = 1 FOR UPDATE`;
  const head = heads[0];
  if (!head) throw new Error('The access log has no head row: the database was not migrated.');

  let seq = head.lastSeq;
  let prevHash = head.hash;
  const at = new Date();
  const rows = inputs.map((input) => {
    seq += 1n;
    const fields: ChainedFields = {
      seq,
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
    };
    const hash = chainHash(prevHash, fields);
    const row = { ...fields, details: input.details ?? Prisma.DbNull, prevHash, hash };
    prevHash = hash;
    return row;
  });

  await tx.accessEvent.createMany({ data: rows as Prisma.AccessEventCreateManyInput[] });
  await tx.accessLogHead.update({ where: { id: 1 }, data: { lastSeq: seq, hash: prevHash } });
}

export async function recordAccessEvent(tx: Tx, caller: Caller, input: AccessEventInput): Promise<void> {
  await recordAccessEvents(tx, caller, [input]);
}
