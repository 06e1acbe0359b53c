import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCESS_EVENT_FIXED_REASON, EDITABLE_FIELDS, retentionPolicyUpdateSchema, startRetentionRunSchema, type RetentionDataClass } from './retention';

// The law's maxima as server/retention/retention-policies.ts has them, and a minimum as RETENTION_MIN_DAYS sets it.
const bounds = { minDays: 30, maxMaskDays: 183, maxEraseDays: 1826 };
const updatedAt = '2026-03-01T10:00:00.123Z';

function problems(dataClass: RetentionDataClass, input: Record<string, unknown>): Record<string, string> {
  const result = retentionPolicyUpdateSchema(dataClass, bounds).safeParse({ updatedAt, ...input });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0] ?? 'form'), issue.message]));
}

test('a limit within the bounds parses, for the fields its class has', () => {
  assert.deepEqual(retentionPolicyUpdateSchema('TRAVELLER_IDENTIFYING', bounds).parse({ maskAfterDays: 90, updatedAt }), { maskAfterDays: 90, updatedAt });
  assert.deepEqual(retentionPolicyUpdateSchema('TRAVELLER_RECORD', bounds).parse({ eraseAfterDays: 1826, updatedAt }), { eraseAfterDays: 1826, updatedAt });
  // The bounds themselves are allowed: exactly the minimum, exactly the law's maximum.
  assert.deepEqual(problems('CLEARED_HIT', { maskAfterDays: 30, eraseAfterDays: 1826 }), {});
  assert.deepEqual(problems('TRAVELLER_IDENTIFYING', { maskAfterDays: 183 }), {});
});

test('longer than the law allows is refused on its field, naming the maximum', () => {
  assert.match(problems('TRAVELLER_IDENTIFYING', { maskAfterDays: 184 }).maskAfterDays ?? '', /At most 183 days: the law’s maximum \(PNR Directive art\. 12\(2\)\)/);
  assert.match(problems('TRAVELLER_RECORD', { eraseAfterDays: 1827 }).eraseAfterDays ?? '', /At most 1826 days.*art\. 12\(1\)/);
  assert.match(problems('CLEARED_HIT', { maskAfterDays: 184, eraseAfterDays: 1000 }).maskAfterDays ?? '', /At most 183/);
});

test('sooner than the configured minimum is refused, with the minimum from the bounds', () => {
  assert.match(problems('TRAVELLER_IDENTIFYING', { maskAfterDays: 29 }).maskAfterDays ?? '', /At least 30 days/);
  assert.match(problems('TRAVELLER_RECORD', { eraseAfterDays: 29 }).eraseAfterDays ?? '', /At least 30 days: no policy may erase sooner/);
  // Another installation's minimum: the schema follows the bounds, nothing is hard-coded.
  const strict = retentionPolicyUpdateSchema('TRAVELLER_IDENTIFYING', { ...bounds, minDays: 90 }).safeParse({ maskAfterDays: 60, updatedAt });
  assert.match(strict.error?.issues[0]?.message ?? '', /At least 90 days/);
});

test('whole days only; blank only where the general limit applies', () => {
  assert.equal(problems('TRAVELLER_IDENTIFYING', { maskAfterDays: 45.5 }).maskAfterDays, 'Whole days only.');
  assert.equal(problems('TRAVELLER_IDENTIFYING', { maskAfterDays: Number.NaN }).maskAfterDays, 'Enter a whole number of days.');
  assert.equal(problems('TRAVELLER_IDENTIFYING', { maskAfterDays: '90' }).maskAfterDays, 'Enter a whole number of days.');
  assert.equal(problems('TRAVELLER_IDENTIFYING', { maskAfterDays: null }).maskAfterDays, 'Enter a whole number of days.');
  assert.equal(problems('TRAVELLER_RECORD', {}).eraseAfterDays, 'Enter a whole number of days.');
  assert.deepEqual(problems('CLEARED_HIT', { maskAfterDays: null, eraseAfterDays: null }), {});
});

test('an erasure at or before the masking is refused on the erasure field', () => {
  assert.match(problems('CLEARED_HIT', { maskAfterDays: 90, eraseAfterDays: 90 }).eraseAfterDays ?? '', /Erasure must come after masking/);
  assert.match(problems('CLEARED_HIT', { maskAfterDays: 120, eraseAfterDays: 60 }).eraseAfterDays ?? '', /Erasure must come after masking/);
  assert.deepEqual(problems('CLEARED_HIT', { maskAfterDays: 90, eraseAfterDays: 91 }), {});
});

test('only the limits the retention job reads for a class are accepted', () => {
  assert.deepEqual(EDITABLE_FIELDS.ACCESS_EVENT, []);
  assert.equal(problems('TRAVELLER_IDENTIFYING', { maskAfterDays: 90, eraseAfterDays: 1000 }).eraseAfterDays, 'This limit does not apply to this data class.');
  assert.equal(problems('TRAVELLER_RECORD', { maskAfterDays: 90, eraseAfterDays: 1000 }).maskAfterDays, 'This limit does not apply to this data class.');
  assert.match(problems('TRAVELLER_RECORD', { eraseAfterDays: 1000, legalBasis: 'mine' }).form ?? '', /Unrecognized key/);
  // The access log: even an empty edit is refused, with the law's reason.
  assert.equal(problems('ACCESS_EVENT', {}).form, ACCESS_EVENT_FIXED_REASON);
  assert.equal(problems('ACCESS_EVENT', { eraseAfterDays: 365 }).eraseAfterDays, 'This limit does not apply to this data class.');
});

test('an edit carries the version it was made on', () => {
  assert.match(problems('TRAVELLER_IDENTIFYING', { maskAfterDays: 90, updatedAt: undefined }).updatedAt ?? '', /version is missing/);
  assert.match(problems('TRAVELLER_IDENTIFYING', { maskAfterDays: 90, updatedAt: 'yesterday' }).updatedAt ?? '', /version is missing/);
});

test('a run is a dry run or not, nothing else', () => {
  assert.deepEqual(startRetentionRunSchema.parse({ dryRun: true }), { dryRun: true });
  assert.equal(startRetentionRunSchema.safeParse({}).success, false);
  assert.equal(startRetentionRunSchema.safeParse({ dryRun: 'yes' }).success, false);
  assert.equal(startRetentionRunSchema.safeParse({ dryRun: false, batchSize: 1 }).success, false);
});
