import 'server-only';
import { ANOMALY_RULES, type AnomalyFlag, type AnomalyRule } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { recordAccessEvent } from '../record';
import { RULES, type Window } from './rules';

const DAY_MS = 86_400_000;

/**
 * Runs every anomaly rule over a window (default: the last 30 days) and joins the
 * officer's reviews. Reading the flags is reading about people: one CONSULTATION event.
 */
export async function listAnomalies(caller: Caller, window?: Partial<Window>): Promise<AnomalyFlag[]> {
  await requirePermission(caller, 'access-log.read', { type: 'anomalies' });
  const to = window?.to ?? new Date();
  const from = window?.from ?? new Date(to.getTime() - 30 * DAY_MS);
  return db().$transaction(async (tx) => {
    const flags: AnomalyFlag[] = [];
    const reviews = await tx.anomalyReview.findMany({ select: { rule: true, itemKey: true, note: true, reviewerId: true, reviewedAt: true } });
    const reviewers = new Map(
      (await tx.user.findMany({ where: { id: { in: [...new Set(reviews.map((review) => review.reviewerId))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
    );
    const reviewOf = new Map(reviews.map((review) => [`${review.rule}|${review.itemKey}`, review]));
    for (const rule of Object.keys(RULES) as AnomalyRule[]) {
      const items = (await RULES[rule](tx, { from, to })).map((item) => {
        const review = reviewOf.get(`${rule}|${item.key}`);
        return {
          key: item.key,
          actorLabel: item.actorLabel,
          at: new Date(item.at).toISOString(),
          travellerId: item.travellerId,
          detail: item.detail,
          review: review ? { note: review.note, reviewerName: reviewers.get(review.reviewerId) ?? '', reviewedAt: review.reviewedAt.toISOString() } : null,
        };
      });
      flags.push({ rule, ...ANOMALY_RULES[rule], count: items.length, unreviewed: items.filter((item) => !item.review).length, items });
    }
    await recordAccessEvent(tx, caller, {
      operation: 'CONSULTATION',
      resourceType: 'anomalies',
      purpose: 'Access log anomaly review',
      details: { from: from.toISOString(), to: to.toISOString(), counts: Object.fromEntries(flags.map((flag) => [flag.rule, flag.count])) },
    });
    return flags;
  });
}
