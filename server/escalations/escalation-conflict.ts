import 'server-only';
import type { Tx } from '@/server/db';

const when = (at: Date | null) => (at ? `${at.toISOString().replace('T', ' ').slice(0, 16)} UTC` : 'an unknown time');

/** Why a request can no longer be decided or withdrawn: "Already decided by X at T", or withdrawn. */
export async function describeDecided(tx: Tx, escalationId: string): Promise<string> {
  const escalation = await tx.escalation.findUnique({
    where: { id: escalationId },
    select: { status: true, decidedAt: true, updatedAt: true, decider: { select: { name: true } } },
  });
  if (!escalation) return 'This escalation request does not exist.';
  if (escalation.status === 'WITHDRAWN') return `The requester withdrew this request at ${when(escalation.updatedAt)}.`;
  if (escalation.status === 'PENDING') return 'This request changed meanwhile: reload it and try again.';
  return `Already decided by ${escalation.decider?.name ?? 'someone else'} at ${when(escalation.decidedAt)}.`;
}
