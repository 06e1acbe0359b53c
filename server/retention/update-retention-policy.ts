import 'server-only';
import type { z } from 'zod';
import {
  ACCESS_EVENT_FIXED_REASON,
  EDITABLE_FIELDS,
  retentionPolicyUpdateSchema,
  type RetentionDataClass,
  type RetentionPolicyField,
  type RetentionPolicyView,
} from '@/lib/schemas/retention';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError, ValidationError } from '@/server/errors';
import { policySelect, readPolicyViews, retentionBounds } from './list-retention-policies';
import { readRetentionLimits, type RetentionLimits } from './retention-policies';

function refusal(error: z.ZodError): ValidationError {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  return new ValidationError('Some fields need your attention.', fieldErrors, issues);
}

/**
 * With the edit applied, masking must still come before erasure — for every traveller and for
 * those whose hits were all cleared — as the job will read the limits. The problem is tied to
 * the field of the edited class that caused it.
 */
function orderProblem(dataClass: RetentionDataClass, limits: RetentionLimits): { field: RetentionPolicyField; message: string } | null {
  const field: RetentionPolicyField = dataClass === 'TRAVELLER_IDENTIFYING' ? 'maskAfterDays' : 'eraseAfterDays';
  if (limits.eraseAfterDays <= limits.maskAfterDays) {
    return {
      field,
      message: `Travellers would be erased (after ${limits.eraseAfterDays} days, traveller record policy) before or when their identifying data are masked (after ${limits.maskAfterDays} days): erasure must come after masking.`,
    };
  }
  if (limits.clearedEraseAfterDays <= limits.clearedMaskAfterDays) {
    return {
      field,
      message: `Travellers whose every hit was cleared would be erased (after ${limits.clearedEraseAfterDays} days) before or when they are masked (after ${limits.clearedMaskAfterDays} days): erasure must come after masking. A blank limit for cleared hits follows the general one.`,
    };
  }
  return null;
}

const stamp = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Changes one class's retention limits, within the law's maxima and RETENTION_MIN_DAYS, only if
 * nobody changed the policy since the form read it (409 otherwise), and only if masking still
 * comes before erasure. Records an ALTERATION event with the old and new values and sets
 * updatedById, in the same transaction; a refused edit changes nothing.
 */
export async function updateRetentionPolicy(caller: Caller, dataClass: RetentionDataClass, body: unknown): Promise<RetentionPolicyView> {
  await requirePermission(caller, 'retention.manage', { type: 'retention-policy', id: dataClass });
  if (EDITABLE_FIELDS[dataClass].length === 0) throw new ValidationError(ACCESS_EVENT_FIXED_REASON, { form: ACCESS_EVENT_FIXED_REASON });
  const parsed = retentionPolicyUpdateSchema(dataClass, retentionBounds()).safeParse(body);
  if (!parsed.success) throw refusal(parsed.error);
  const input = parsed.data;
  const fields = EDITABLE_FIELDS[dataClass];

  return db().$transaction(async (tx) => {
    // Every policy, locked: the order of masking and erasure is checked across classes, so two
    // edits of different classes must not both pass on what the other is about to change.
    await tx.$queryRaw`SELECT id FROM "RetentionPolicy" ORDER BY id FOR UPDATE`;
    const row = await tx.retentionPolicy.findUnique({ where: { dataClass }, select: policySelect });
    if (!row) throw new NotFoundError('This data class has no policy yet: `npm run seed` writes the four policies with their legal bases.');
    if (row.updatedAt.getTime() !== new Date(input.updatedAt).getTime()) {
      throw new ConflictError(
        `${row.updatedBy?.name ?? 'Someone'} changed this policy at ${stamp(row.updatedAt)}, after you opened it; nothing was saved. The table now shows the current limits: check them, then edit again.`,
      );
    }
    const before = { maskAfterDays: row.maskAfterDays, eraseAfterDays: row.eraseAfterDays };
    const after = { ...before };
    for (const field of fields) after[field] = input[field] ?? null;
    const changed = fields.filter((field) => after[field] !== before[field]);
    if (changed.length > 0) {
      await tx.retentionPolicy.update({ where: { id: row.id }, data: { ...after, updatedById: caller.actorType === 'USER' ? caller.actorId : null } });
      const problem = orderProblem(dataClass, await readRetentionLimits(tx));
      // Thrown inside the transaction: the update above is rolled back with it.
      if (problem) throw new ValidationError(problem.message, { [problem.field]: problem.message });
      await recordAccessEvent(tx, caller, {
        operation: 'ALTERATION',
        resourceType: 'retention-policy',
        resourceId: row.id,
        purpose: 'Retention policy changed',
        details: { dataClass, old: before, new: after },
      });
    }
    const views = await readPolicyViews(tx);
    const view = views.find((candidate) => candidate.dataClass === dataClass);
    if (!view) throw new NotFoundError('This data class has no policy.');
    return view;
  });
}
