import 'server-only';
import type { z } from 'zod';
import type { anomalyReviewSchema } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError } from '@/server/errors';
import { recordAccessEvent } from '../record';

/** Marks one flagged item reviewed with the officer's note, once; the review is an event. */
export async function reviewAnomaly(caller: Caller, input: z.infer<typeof anomalyReviewSchema>): Promise<{ reviewedAt: string }> {
  await requirePermission(caller, 'access-log.read', { type: 'anomaly-review' });
  return db().$transaction(async (tx) => {
    const existing = await tx.anomalyReview.findUnique({ where: { rule_itemKey: { rule: input.rule, itemKey: input.itemKey } } });
    if (existing) throw new ConflictError('This flag was already reviewed.');
    const review = await tx.anomalyReview.create({
      data: { rule: input.rule, itemKey: input.itemKey, note: input.note, reviewerId: caller.actorId as string },
      select: { reviewedAt: true },
    });
    await recordAccessEvent(tx, caller, {
      operation: 'ALTERATION',
      resourceType: 'anomaly-review',
      resourceId: `${input.rule}:${input.itemKey}`,
      details: { rule: input.rule, itemKey: input.itemKey },
    });
    return { reviewedAt: review.reviewedAt.toISOString() };
  });
}
