import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { ChainVerification } from '@/lib/schemas/access-log';
import { systemCaller } from '@/server/auth/caller';
import { ForbiddenError } from '@/server/auth/errors';
import { db, type Tx } from '@/server/db';
import { callerFor, chainedAccessEvents, createUser } from '@/server/testing/factories';
import { chainHash } from './chain';
import { chainAccessEvents } from './chainer';
import { writeCheckpoint } from './checkpoint';
import { recordAccessEvents } from './record';
import { getLatestChainVerification, startChainVerification, VERIFICATION_STALE_MS } from './verification-runs';
import { verifyChain } from './verify';

// Other test files share this database and its one chain: every tampering happens in a
// transaction that verifies inside it and then rolls back, so the chain is never left broken.

const anchorDir = mkdtempSync(path.join(os.tmpdir(), 'proportio-anchors-'));
after(async () => {
  rmSync(anchorDir, { recursive: true, force: true });
  await db().$disconnect();
});

class Rollback extends Error {
  constructor(readonly result: ChainVerification) {
    super('rolled back after verifying');
  }
}

/** Tampers as the database owner would (triggers off), verifies the result, rolls it all back. */
async function verifyTampered(tamper: (tx: Tx) => Promise<unknown>, options: { batchSize?: number } = {}): Promise<ChainVerification> {
  try {
    await db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
        await tamper(tx);
        throw new Rollback(await verifyChain(tx, options));
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
  throw new Error('the tampering transaction committed');
}

async function assertIntact() {
  const result = await verifyChain(db());
  assert.equal(result.intact, true, result.firstBroken?.message);
  assert.equal(result.firstBroken, null);
  return result;
}

// The chain's last seq once everything committed is linked.
const head = async () => {
  await chainAccessEvents();
  return (await db().accessLogHead.findUniqueOrThrow({ where: { id: 1 } })).lastSeq;
};
const at = async (seq: bigint) => (await chainedAccessEvents()).findUniqueOrThrow({ where: { seq } });
const sentence = /^Event [\d,]+ \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\) /;

// A forged event, as a forger who knows the algorithm writes it: linked to prevHash and
// hashed correctly unless told otherwise.
async function insertForged(tx: Tx, seq: bigint, prevHash: string, options: { at?: Date; hash?: string } = {}) {
  const at = options.at ?? new Date();
  const fields = {
    seq, at, actorType: 'SYSTEM', actorId: null, actorLabel: 'forger', role: null, operation: 'CONSULTATION', outcome: 'ALLOWED', resourceType: 'hit',
    resourceId: null, travellerId: null, purpose: null, recipient: null, requestId: null, ip: null, userAgent: null, details: null,
  };
  const hash = options.hash ?? chainHash(prevHash, fields);
  await tx.$executeRaw`INSERT INTO "AccessEvent" (seq, at, "actorType", "actorLabel", operation, outcome, "resourceType", "prevHash", hash)
    VALUES (${seq}, ${at}, 'SYSTEM', 'forger', 'CONSULTATION', 'ALLOWED', 'hit', ${prevHash}, ${hash})`;
}

before(async () => {
  // Enough events that "the middle" exists whatever ran before this file.
  await db().$transaction((tx) =>
    recordAccessEvents(tx, systemCaller('tamper-test'), Array.from({ length: 20 }, (_, i) => ({ operation: 'CONSULTATION' as const, resourceType: 'hit', resourceId: `t-${i}` }))),
  );
});

test('100 concurrent writers leave one gapless, intact chain', async () => {
  const first = await head();
  await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      db().$transaction(
        (tx) => recordAccessEvents(tx, systemCaller(`writer-${i}`), [{ operation: 'CONSULTATION', resourceType: 'hit', resourceId: `w-${i}` }]),
        { maxWait: 60_000, timeout: 60_000 },
      ),
    ),
  );
  const last = await head();
  assert.equal(last - first, 100n);
  const result = await assertIntact();
  assert.equal(result.lastSeq, last.toString());
  assert.equal(BigInt(result.checked), last, 'every seq from 1 to the head is there');
  assert.ok(result.eventsPerSecond > 0);
});

test('small batches verify the same chain', async () => {
  const whole = await assertIntact();
  const progress: number[] = [];
  const batched = await verifyChain(db(), { batchSize: 7, onProgress: (checked) => progress.push(checked) });
  assert.equal(batched.intact, true);
  assert.equal(batched.checked, whole.checked);
  assert.ok(progress.length >= Math.floor(whole.checked / 7), 'progress after each batch');
});

test('a changed event is named as changed', async () => {
  const target = (await head()) - 5n;
  const result = await verifyTampered((tx) => tx.$executeRaw`UPDATE "AccessEvent" SET purpose = 'forged purpose' WHERE seq = ${target}`);
  assert.equal(result.intact, false);
  assert.equal(result.firstBroken?.kind, 'changed');
  assert.equal(result.firstBroken?.seq, target.toString());
  assert.match(result.firstBroken?.message ?? '', sentence);
  assert.match(result.firstBroken?.message ?? '', /was changed after it was written\.$/);
  assert.equal(result.lastSeq, (target - 1n).toString(), 'verified up to the event before');
  // The same break found in a later batch, with the next batch already requested.
  const batched = await verifyTampered((tx) => tx.$executeRaw`UPDATE "AccessEvent" SET purpose = 'forged purpose' WHERE seq = ${target}`, { batchSize: 7 });
  assert.deepEqual({ ...batched, durationMs: 0, eventsPerSecond: 0 }, { ...result, durationMs: 0, eventsPerSecond: 0 });
  await assertIntact();
});

test('a deleted event is named as missing', async () => {
  const target = (await head()) - 5n;
  const result = await verifyTampered((tx) => tx.$executeRaw`DELETE FROM "AccessEvent" WHERE seq = ${target}`);
  assert.equal(result.firstBroken?.kind, 'deleted');
  assert.equal(result.firstBroken?.seq, target.toString());
  assert.match(result.firstBroken?.message ?? '', new RegExp(`^Event ${target.toLocaleString('en-US')} is missing`));
  await assertIntact();
});

test('a deleted last event is caught by the head', async () => {
  const last = await head();
  const result = await verifyTampered((tx) => tx.$executeRaw`DELETE FROM "AccessEvent" WHERE seq = ${last}`);
  assert.equal(result.firstBroken?.kind, 'head');
  assert.equal(result.firstBroken?.seq, last.toString());
  assert.match(result.firstBroken?.message ?? '', /missing/);
});

test('an event added beyond the head with a wrong link is named as inserted', async () => {
  const next = (await head()) + 1n;
  const result = await verifyTampered((tx) => insertForged(tx, next, 'a'.repeat(64), { hash: 'b'.repeat(64) }));
  assert.equal(result.firstBroken?.kind, 'inserted');
  assert.equal(result.firstBroken?.seq, next.toString());
  assert.match(result.firstBroken?.message ?? '', sentence);
});

test('an event added beyond the head with a correct link is caught by the head', async () => {
  const last = await at(await head());
  const result = await verifyTampered((tx) => insertForged(tx, last.seq + 1n, last.hash));
  assert.equal(result.firstBroken?.kind, 'head');
  assert.equal(result.firstBroken?.seq, (last.seq + 1n).toString());
  assert.match(result.firstBroken?.message ?? '', /beyond the log's recorded end/);
});

test('an event slipped into the middle, with the rest renumbered, is named as inserted', async () => {
  const target = (await head()) - 5n;
  const before = await at(target);
  const result = await verifyTampered(async (tx) => {
    // Two steps, so renumbering never collides with the primary key.
    await tx.$executeRaw`UPDATE "AccessEvent" SET seq = -seq WHERE seq > ${target}`;
    await tx.$executeRaw`UPDATE "AccessEvent" SET seq = -seq + 1 WHERE seq < 0`;
    await insertForged(tx, target + 1n, before.hash, { at: new Date(before.at.getTime() + 1) });
  });
  // The forged event links correctly; the one after it no longer does.
  assert.equal(result.firstBroken?.kind, 'inserted');
  assert.equal(result.firstBroken?.seq, (target + 2n).toString());
  assert.match(result.firstBroken?.message ?? '', /does not follow the event before it/);
  await assertIntact();
});

test('a rewritten head is named', async () => {
  const result = await verifyTampered((tx) => tx.$executeRaw`UPDATE "AccessLogHead" SET hash = ${'c'.repeat(64)} WHERE id = 1`);
  assert.equal(result.firstBroken?.kind, 'head');
  assert.match(result.firstBroken?.message ?? '', /recorded end no longer matches/);
});

// ---- Checkpoints ----------------------------------------------------------------------------

test('a checkpoint records the head in the database and the anchor file', async () => {
  const anchorFile = path.join(anchorDir, 'nested', 'anchors.jsonl');
  const last = await at(await head());
  const result = await verifyTampered(async (tx) => {
    const checkpoint = await writeCheckpoint(tx, 'test', anchorFile);
    assert.equal(checkpoint?.seq, last.seq.toString());
    assert.equal(checkpoint?.hash, last.hash);
  });
  assert.equal(result.intact, true, result.firstBroken?.message);
  assert.equal(result.checkpoints.mismatched, 0);
  const lines = readFileSync(anchorFile, 'utf8').trim().split('\n');
  assert.equal(lines.length, 1);
  const { seq, hash, count, note } = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  const events = await (await chainedAccessEvents()).count({ where: { seq: { lte: last.seq } } });
  assert.deepEqual({ seq, hash, count, note }, { seq: last.seq.toString(), hash: last.hash, count: String(events), note: 'test' });
});

test('a chain rewritten consistently is caught by the checkpoint before it', async () => {
  const last = await at(await head());
  const result = await verifyTampered(async (tx) => {
    await writeCheckpoint(tx, 'test', path.join(anchorDir, 'rewrite.jsonl'));
    // The forger recomputes the changed event's hash and moves the head along: only the checkpoint disagrees.
    const forged = { ...last, purpose: 'rewritten' };
    const hash = chainHash(last.prevHash, forged);
    await tx.$executeRaw`UPDATE "AccessEvent" SET purpose = 'rewritten', hash = ${hash} WHERE seq = ${last.seq}`;
    await tx.$executeRaw`UPDATE "AccessLogHead" SET hash = ${hash} WHERE id = 1`;
  });
  assert.equal(result.intact, false);
  assert.equal(result.checkpoints.mismatched, 1);
  assert.equal(result.lastSeq, last.seq.toString(), 'the chain itself recomputes');
  assert.equal(result.firstBroken?.kind, 'changed');
  assert.equal(result.firstBroken?.seq, last.seq.toString());
  assert.match(result.firstBroken?.message ?? '', /no longer matches the checkpoint taken/);
});

test('checkpoints that no longer match are counted', async () => {
  const target = (await head()) - 2n;
  const { checkpoints } = await assertIntact();
  const result = await verifyTampered(async (tx) => {
    await tx.$executeRaw`INSERT INTO "AccessLogCheckpoint" (seq, hash, count) VALUES (${target}, ${'e'.repeat(64)}, ${target})`;
    await tx.$executeRaw`INSERT INTO "AccessLogCheckpoint" (seq, hash, count) VALUES (${target + 1_000_000n}, ${'e'.repeat(64)}, ${target})`;
  });
  assert.equal(result.intact, false);
  assert.deepEqual(result.checkpoints, { checked: checkpoints.checked + 2, mismatched: checkpoints.mismatched + 2 });
  assert.equal(result.firstBroken?.seq, target.toString());
});

// ---- The app's entry point -----------------------------------------------------------------

test('the privacy officer verifies in the background: starting is itself an event, the run ends with the result', async () => {
  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  const { run, done } = await startChainVerification(officer);
  assert.equal(run.status, 'RUNNING');
  await done;
  const finished = await getLatestChainVerification(officer);
  assert.equal(finished?.id, run.id);
  assert.equal(finished?.status, 'COMPLETED');
  assert.equal(finished?.result?.intact, true, finished?.result?.firstBroken?.message);
  assert.ok((finished?.result?.checked ?? 0) > 0);
  assert.equal(finished?.checked, finished?.result?.checked);
  assert.ok(finished?.finishedAt);
  const event = await (await chainedAccessEvents()).findFirstOrThrow({ where: { requestId: officer.requestId } });
  assert.equal(event.operation, 'CONSULTATION');
  assert.equal(event.resourceType, 'access-log-verification');
  assert.equal(event.resourceId, run.id);
  assert.deepEqual(event.details, { started: true });
  await assertIntact();
});

test('one verification at a time: starting while one runs joins it; one whose server stopped reads as interrupted and a new one starts', async () => {
  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  const running = await db().accessLogVerification.create({ data: { startedBy: 'another officer', total: 10n } });
  try {
    const joined = await startChainVerification(officer);
    await joined.done;
    assert.equal(joined.run.id, running.id);
    assert.equal((await db().accessLogVerification.findUniqueOrThrow({ where: { id: running.id } })).status, 'RUNNING', 'nothing else walks it');
    const event = await (await chainedAccessEvents()).findFirstOrThrow({ where: { requestId: officer.requestId } });
    assert.deepEqual([event.resourceId, event.details], [running.id, { started: false }]);

    // No progress for longer than a heartbeat allows: its server stopped in the middle.
    await db().accessLogVerification.update({ where: { id: running.id }, data: { heartbeatAt: new Date(Date.now() - VERIFICATION_STALE_MS - 1000) } });
    assert.equal((await getLatestChainVerification(officer))?.status, 'INTERRUPTED');
    const fresh = await startChainVerification(callerFor(await createUser('PRIVACY_OFFICER')));
    await fresh.done;
    assert.notEqual(fresh.run.id, running.id);
    assert.equal((await getLatestChainVerification(officer))?.status, 'COMPLETED');
  } finally {
    await db().accessLogVerification.update({ where: { id: running.id }, data: { status: 'FAILED', error: 'test row' } });
  }
});

test('an analyst may not verify, and the refusal is recorded', async () => {
  const analyst = callerFor(await createUser('ANALYST'));
  await assert.rejects(startChainVerification(analyst), ForbiddenError);
  await assert.rejects(getLatestChainVerification(analyst), ForbiddenError);
  const event = await (await chainedAccessEvents()).findFirstOrThrow({ where: { requestId: analyst.requestId } });
  assert.equal(event.outcome, 'DENIED');
  assert.equal(event.resourceType, 'access-log');
});
