import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { env } from '@/lib/env';
import { ACCESS_EVENT_FIXED_REASON, EDITABLE_FIELDS, type RetentionDataClass } from '@/lib/schemas/retention';
import { writeRetentionPolicies } from '@/prisma/seed-reference';
import { ForbiddenError } from '@/server/auth/errors';
import { requestEscalation } from '@/server/escalations/request-escalation';
import { db } from '@/server/db';
import { ConflictError, NotFoundError, ValidationError } from '@/server/errors';
import { callerFor, chainedAccessEvents, createHit, createUser } from '@/server/testing/factories';
import { holdReason } from './holds';
import { listRetentionHolds } from './list-retention-holds';
import { listRetentionPolicies } from './list-retention-policies';
import { listRetentionRuns } from './list-retention-runs';
import { FIVE_YEARS_DAYS, readRetentionLimits, SIX_MONTHS_DAYS } from './retention-policies';
import { runRetention } from './run-retention';
import { startRetentionRun } from './start-retention-run';
import { stopRetentionRun } from './stop-retention-run';
import { updateRetentionPolicy } from './update-retention-policy';

// Retention administration (issue 8): the policies an administrator edits are the ones the
// job applies; refused edits change nothing; holds show no personal data; runs started here
// are recorded. The suite shares one database: every policy changed here is put back.

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

before(async () => {
  // The integration database is migrated, not seeded: the four policies as the seed writes them.
  await writeRetentionPolicies(db());
});
after(() => db().$disconnect());

async function policyRows() {
  return db().retentionPolicy.findMany({ orderBy: { dataClass: 'asc' }, select: { dataClass: true, maskAfterDays: true, eraseAfterDays: true, updatedAt: true, updatedById: true } });
}

/** Runs `body`, then puts every policy back as it was (values and who changed it). */
async function restoringPolicies(body: () => Promise<void>) {
  const saved = await policyRows();
  try {
    await body();
  } finally {
    for (const row of saved) {
      await db().retentionPolicy.update({ where: { dataClass: row.dataClass }, data: { maskAfterDays: row.maskAfterDays, eraseAfterDays: row.eraseAfterDays, updatedById: row.updatedById } });
    }
  }
}

async function versionOf(dataClass: RetentionDataClass): Promise<string> {
  return (await db().retentionPolicy.findUniqueOrThrow({ where: { dataClass } })).updatedAt.toISOString();
}

async function eventsOf(requestId: string) {
  return (await chainedAccessEvents()).findMany({ where: { requestId }, orderBy: { seq: 'asc' } });
}

/** A hit whose traveller was collected `days` ago (the factory collects now). */
async function hitCollected(days: number) {
  const created = await createHit({ status: 'IN_REVIEW' });
  await db().traveller.update({ where: { id: created.traveller.id }, data: { collectedAt: daysAgo(days) } });
  return created;
}

async function escalate(hit: { id: string; version: number }) {
  const analyst = await createUser('ANALYST');
  const recipient = await db().recipientAuthority.upsert({ where: { name: 'Retention admin test police' }, update: {}, create: { name: 'Retention admin test police', country: 'DEU' } });
  const { id } = await requestEscalation(callerFor(analyst), hit.id, {
    legalBasis: 'PNR_6_2_A',
    offenceCategory: 'terrorism',
    objectiveFacts: 'Same family name, same date of birth and same passport series as the listed person.',
    necessity: 'The federal police need identity and itinerary to act on the alert, nothing more than that.',
    dataCategories: ['PASSPORT'],
    recipientId: recipient.id,
    urgency: 'ROUTINE',
    hitVersion: hit.version,
  });
  return id;
}

test('an administrator shortens masking; the change is recorded and the next run masks by it', async () => {
  await restoringPolicies(async () => {
    const older = await hitCollected(60);
    const younger = await hitCollected(40);
    await runRetention();
    assert.equal((await db().traveller.findUniqueOrThrow({ where: { id: older.traveller.id } })).maskedAt, null, 'precondition: 60 days is within the seeded 6 months');

    const admin = await createUser('ADMINISTRATOR');
    const caller = callerFor(admin);
    const view = await updateRetentionPolicy(caller, 'TRAVELLER_IDENTIFYING', { maskAfterDays: 50, updatedAt: await versionOf('TRAVELLER_IDENTIFYING') });
    assert.deepEqual([view.maskAfterDays, view.inForce.maskAfterDays, view.updatedBy], [50, 50, admin.name]);
    const row = await db().retentionPolicy.findUniqueOrThrow({ where: { dataClass: 'TRAVELLER_IDENTIFYING' } });
    assert.deepEqual([row.maskAfterDays, row.updatedById], [50, admin.id]);

    const events = await eventsOf(caller.requestId);
    assert.equal(events.length, 1);
    assert.deepEqual([events[0]?.operation, events[0]?.outcome, events[0]?.resourceType, events[0]?.resourceId], ['ALTERATION', 'ALLOWED', 'retention-policy', row.id]);
    assert.deepEqual(events[0]?.details, {
      dataClass: 'TRAVELLER_IDENTIFYING',
      old: { maskAfterDays: SIX_MONTHS_DAYS, eraseAfterDays: FIVE_YEARS_DAYS },
      new: { maskAfterDays: 50, eraseAfterDays: FIVE_YEARS_DAYS },
    });

    await runRetention();
    assert.ok((await db().traveller.findUniqueOrThrow({ where: { id: older.traveller.id } })).maskedAt, 'collected 60 days ago, past the new 50-day limit');
    assert.equal((await db().traveller.findUniqueOrThrow({ where: { id: younger.traveller.id } })).maskedAt, null, 'collected 40 days ago, within it');
  });
});

test('each editable limit is one the retention job reads', async () => {
  await restoringPolicies(async () => {
    const caller = callerFor(await createUser('ADMINISTRATOR'));
    const values = { TRAVELLER_IDENTIFYING: { maskAfterDays: 100 }, TRAVELLER_RECORD: { eraseAfterDays: 1000 }, CLEARED_HIT: { maskAfterDays: 60, eraseAfterDays: 500 } };
    for (const [dataClass, input] of Object.entries(values) as [RetentionDataClass, Record<string, number>][]) {
      assert.deepEqual(Object.keys(input), EDITABLE_FIELDS[dataClass], `the test sets every editable limit of ${dataClass}`);
      await updateRetentionPolicy(caller, dataClass, { ...input, updatedAt: await versionOf(dataClass) });
    }
    const limits = await readRetentionLimits(db());
    assert.deepEqual(limits, { maskAfterDays: 100, eraseAfterDays: 1000, clearedMaskAfterDays: 60, clearedEraseAfterDays: 500, accessEventEraseAfterDays: FIVE_YEARS_DAYS });
    const { items, bounds } = await listRetentionPolicies(caller);
    assert.deepEqual(bounds, { minDays: env().RETENTION_MIN_DAYS, maxMaskDays: 183, maxEraseDays: 1826 });
    assert.deepEqual(
      items.map((item) => [item.dataClass, item.inForce]),
      [
        ['TRAVELLER_IDENTIFYING', { maskAfterDays: 100, eraseAfterDays: 1000 }],
        ['TRAVELLER_RECORD', { maskAfterDays: null, eraseAfterDays: 1000 }],
        ['CLEARED_HIT', { maskAfterDays: 60, eraseAfterDays: 500 }],
        ['ACCESS_EVENT', { maskAfterDays: null, eraseAfterDays: FIVE_YEARS_DAYS }],
      ],
    );
    assert.ok(items.every((item) => item.legalBasis && item.legalBasis.length > 20), 'each legal basis is shown in full');
  });
});

test('every refused edit changes nothing and records no alteration', async () => {
  const admin = await createUser('ADMINISTRATOR');
  const min = env().RETENTION_MIN_DAYS;
  const cases: { name: string; dataClass: RetentionDataClass; input: Record<string, unknown>; field: string; message: RegExp }[] = [
    { name: 'masking later than the law allows', dataClass: 'TRAVELLER_IDENTIFYING', input: { maskAfterDays: SIX_MONTHS_DAYS + 1 }, field: 'maskAfterDays', message: /At most 183 days/ },
    { name: 'erasure later than the law allows', dataClass: 'TRAVELLER_RECORD', input: { eraseAfterDays: FIVE_YEARS_DAYS + 1 }, field: 'eraseAfterDays', message: /At most 1826 days/ },
    { name: 'masking below the legal minimum', dataClass: 'TRAVELLER_IDENTIFYING', input: { maskAfterDays: min - 1 }, field: 'maskAfterDays', message: new RegExp(`At least ${min} days`) },
    { name: 'erasure below the legal minimum', dataClass: 'CLEARED_HIT', input: { maskAfterDays: null, eraseAfterDays: min - 1 }, field: 'eraseAfterDays', message: new RegExp(`At least ${min} days`) },
    { name: 'erasure when masking, in one policy', dataClass: 'CLEARED_HIT', input: { maskAfterDays: 90, eraseAfterDays: 90 }, field: 'eraseAfterDays', message: /Erasure must come after masking/ },
    // Valid alone; refused against the other classes, after the row was written (rolled back).
    { name: 'record erased before its identifying data are masked', dataClass: 'TRAVELLER_RECORD', input: { eraseAfterDays: 150 }, field: 'eraseAfterDays', message: /^Travellers would be erased \(after 150 days, traveller record policy\) before or when their identifying data are masked \(after 183 days\)/ },
    { name: 'cleared travellers erased before the general masking', dataClass: 'CLEARED_HIT', input: { maskAfterDays: null, eraseAfterDays: 100 }, field: 'eraseAfterDays', message: /every hit was cleared would be erased \(after 100 days\).*masked \(after 183 days\)/ },
    { name: 'a limit the class does not have', dataClass: 'TRAVELLER_IDENTIFYING', input: { maskAfterDays: 90, eraseAfterDays: 400 }, field: 'eraseAfterDays', message: /does not apply/ },
    { name: 'the access log', dataClass: 'ACCESS_EVENT', input: { eraseAfterDays: 365 }, field: 'form', message: /kept for exactly 5 years by law/ },
  ];
  // Restored even so: a wrongly accepted edit must not spill into the tests after this one.
  await restoringPolicies(async () => {
    const rowsBefore = await policyRows();
    const limitsBefore = await readRetentionLimits(db());
    for (const refused of cases) {
      const caller = callerFor(admin);
      await assert.rejects(
        updateRetentionPolicy(caller, refused.dataClass, { ...refused.input, updatedAt: await versionOf(refused.dataClass) }),
        (error: unknown) => {
          assert.ok(error instanceof ValidationError, `${refused.name}: ${String(error)}`);
          assert.match(error.fieldErrors[refused.field] ?? '', refused.message, refused.name);
          return true;
        },
      );
      assert.deepEqual(await policyRows(), rowsBefore, `${refused.name}: nothing changed`);
      assert.deepEqual(await eventsOf(caller.requestId), [], `${refused.name}: no event`);
    }
    assert.deepEqual(await readRetentionLimits(db()), limitsBefore);
    await assert.rejects(updateRetentionPolicy(callerFor(admin), 'ACCESS_EVENT', {}), (error: unknown) => error instanceof ValidationError && error.message === ACCESS_EVENT_FIXED_REASON);
  });
});

test('an edit made on a version someone else has changed since is refused (409) and changes nothing', async () => {
  await restoringPolicies(async () => {
    const first = callerFor(await createUser('ADMINISTRATOR'));
    const secondUser = await createUser('ADMINISTRATOR');
    const opened = (await listRetentionPolicies(first)).items.find((item) => item.dataClass === 'CLEARED_HIT');
    assert.ok(opened?.updatedAt);
    // Another administrator saves first, from the same version.
    await updateRetentionPolicy(callerFor(secondUser), 'CLEARED_HIT', { maskAfterDays: 120, eraseAfterDays: 1500, updatedAt: opened.updatedAt });
    const afterSecond = await policyRows();
    const stale = callerFor(await db().user.findUniqueOrThrow({ where: { id: first.actorId as string } }));
    await assert.rejects(
      updateRetentionPolicy(stale, 'CLEARED_HIT', { maskAfterDays: 45, eraseAfterDays: 400, updatedAt: opened.updatedAt }),
      (error: unknown) => error instanceof ConflictError && error.message.includes(secondUser.name),
    );
    assert.deepEqual(await policyRows(), afterSecond, 'the second administrator’s values stand');
    assert.deepEqual(await eventsOf(stale.requestId), []);
  });
});

test('analysts and supervisors are refused retention (403, DENIED); privacy officers read it but cannot change it', async () => {
  const rowsBefore = await policyRows();
  for (const role of ['ANALYST', 'SUPERVISOR'] as const) {
    const caller = callerFor(await createUser(role));
    await assert.rejects(listRetentionPolicies(caller), ForbiddenError);
    await assert.rejects(listRetentionHolds(caller), ForbiddenError);
    await assert.rejects(listRetentionRuns(caller), ForbiddenError);
    await assert.rejects(updateRetentionPolicy(caller, 'TRAVELLER_IDENTIFYING', { maskAfterDays: 90, updatedAt: await versionOf('TRAVELLER_IDENTIFYING') }), ForbiddenError);
    await assert.rejects(startRetentionRun(caller, { dryRun: true }), ForbiddenError);
    const events = await eventsOf(caller.requestId);
    assert.deepEqual(
      events.map((event) => [event.operation, event.outcome, (event.details as { permission?: string }).permission]),
      [
        ['DENIED', 'DENIED', 'retention.read'],
        ['DENIED', 'DENIED', 'retention.read'],
        ['DENIED', 'DENIED', 'retention.read'],
        ['DENIED', 'DENIED', 'retention.manage'],
        ['DENIED', 'DENIED', 'retention.manage'],
      ],
      role,
    );
  }
  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  assert.equal((await listRetentionPolicies(officer)).items.length, 4);
  await listRetentionHolds(officer);
  await listRetentionRuns(officer);
  await assert.rejects(updateRetentionPolicy(officer, 'TRAVELLER_IDENTIFYING', { maskAfterDays: 90, updatedAt: await versionOf('TRAVELLER_IDENTIFYING') }), ForbiddenError);
  await assert.rejects(startRetentionRun(officer, { dryRun: false }), ForbiddenError);
  assert.deepEqual(await policyRows(), rowsBefore);
});

test('the holds list shows an escalation keeping a record past its erasure date, without the traveller’s data', async () => {
  const held = await hitCollected(FIVE_YEARS_DAYS + 4);
  const escalationId = await escalate(held.hit);
  // Held too, but not yet due for erasure: not a record kept past its date.
  const young = await hitCollected(10);
  const youngEscalationId = await escalate(young.hit);
  const escalation = await db().escalation.findUniqueOrThrow({ where: { id: escalationId } });
  const traveller = await db().traveller.findUniqueOrThrow({ where: { id: held.traveller.id } });

  const holds = await listRetentionHolds(callerFor(await createUser('ADMINISTRATOR')));
  const item = holds.items.find((candidate) => candidate.escalationId === escalationId);
  assert.deepEqual(item, {
    escalationId,
    hitId: held.hit.id,
    status: 'PENDING',
    reason: holdReason({ status: 'PENDING', packageExpiresAt: null }),
    since: escalation.createdAt.toISOString(),
    until: null,
    erasureDueAt: new Date(traveller.collectedAt.getTime() + FIVE_YEARS_DAYS * DAY_MS).toISOString(),
  });
  assert.equal(holds.items.some((candidate) => candidate.escalationId === youngEscalationId), false);
  const shown = JSON.stringify(holds);
  for (const personal of ['Quartermain', 'Zebedee', traveller.documentNumber as string, traveller.contactEmail as string, traveller.id, '1980']) {
    assert.equal(shown.includes(personal), false, `no ${personal}`);
  }
  // The same definition as the job's: the count is what a run would report as held.
  const dry = await runRetention({ dryRun: true });
  assert.equal(holds.heldRecords, dry?.held);
  assert.ok(holds.heldRecords >= 1 && holds.escalations >= holds.heldRecords);

  // Withdrawn, the escalation holds nothing any more.
  await db().escalation.updateMany({ where: { id: { in: [escalationId, youngEscalationId] } }, data: { status: 'WITHDRAWN' } });
  const afterwards = await listRetentionHolds(callerFor(await createUser('PRIVACY_OFFICER')));
  assert.equal(afterwards.items.some((candidate) => candidate.escalationId === escalationId), false);
});

test('a run started by an administrator is recorded and names them; another run in progress refuses it (409)', async () => {
  const adminUser = await createUser('ADMINISTRATOR');
  const dryCaller = callerFor(adminUser);
  const due = await hitCollected(200);
  const dry = await startRetentionRun(dryCaller, { dryRun: true });
  assert.deepEqual([dry.run.dryRun, dry.run.startedBy], [true, dryCaller.actorLabel]);
  await dry.done;
  const [listed] = await listRetentionRuns(dryCaller);
  assert.equal(listed?.id, dry.run.id, 'newest first');
  assert.deepEqual([listed?.status, listed?.phase, listed?.startedBy], ['COMPLETED', null, dryCaller.actorLabel]);
  assert.ok((listed?.masked ?? 0) >= 1, 'the dry run counts the traveller due for masking');
  assert.equal((await db().traveller.findUniqueOrThrow({ where: { id: due.traveller.id } })).maskedAt, null, 'a dry run changes nothing');
  assert.deepEqual(
    (await eventsOf(dryCaller.requestId)).map((event) => [event.operation, event.resourceType, event.resourceId]),
    [['CONSULTATION', 'retention-run', dry.run.id]],
  );

  const realCaller = callerFor(adminUser);
  const real = await startRetentionRun(realCaller, { dryRun: false });
  await real.done;
  const finished = (await listRetentionRuns(realCaller)).find((run) => run.id === real.run.id);
  assert.deepEqual([finished?.dryRun, finished?.status, finished?.startedBy], [false, 'COMPLETED', realCaller.actorLabel]);
  assert.ok((finished?.masked ?? 0) >= 1);
  assert.ok((await db().traveller.findUniqueOrThrow({ where: { id: due.traveller.id } })).maskedAt);
  const events = await eventsOf(realCaller.requestId);
  assert.ok(events.some((event) => event.operation === 'ERASURE' && event.travellerId === due.traveller.id && event.actorId === adminUser.id), 'the masking names the administrator');
  assert.deepEqual(events.filter((event) => event.resourceType === 'retention-run').map((event) => [event.operation, event.resourceId]), [['ALTERATION', real.run.id]]);

  // Another instance (or the schedule) holds the job's lock.
  const other = new pg.Client({ connectionString: env().DATABASE_URL });
  await other.connect();
  try {
    await other.query(`SELECT pg_advisory_lock(hashtext('proportio:retention'))`);
    const runs = await db().retentionRun.count();
    const refused = callerFor(adminUser);
    await assert.rejects(startRetentionRun(refused, { dryRun: true }), (error: unknown) => error instanceof ConflictError && /in progress/.test(error.message));
    assert.equal(await db().retentionRun.count(), runs, 'nothing was started');
    assert.deepEqual(await eventsOf(refused.requestId), [], 'and nothing recorded as started');
  } finally {
    await other.end();
  }
  await assert.rejects(startRetentionRun(callerFor(adminUser), { dryRun: 'yes' }), ValidationError);
});

test('a run started by hand answers while it works; the runs show it running, then its result; a second start meanwhile is refused', async () => {
  const adminUser = await createUser('ADMINISTRATOR');
  await hitCollected(200);
  // Another session holds the policies the run reads first: the run waits on them in the background.
  const blocker = new pg.Client({ connectionString: env().DATABASE_URL });
  await blocker.connect();
  let started: Awaited<ReturnType<typeof startRetentionRun>> | undefined;
  try {
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE "RetentionPolicy" IN ACCESS EXCLUSIVE MODE');
    started = await startRetentionRun(callerFor(adminUser), { dryRun: true });
    assert.equal(started.run.status, 'RUNNING', 'the answer came while the run waits');
    const [running] = await listRetentionRuns(callerFor(adminUser));
    assert.deepEqual([running?.id, running?.status, running?.phase], [started.run.id, 'RUNNING', 'counting']);
    await assert.rejects(startRetentionRun(callerFor(adminUser), { dryRun: true }), ConflictError);
    await blocker.query('COMMIT');
    await started.done;
  } finally {
    await blocker.end();
  }
  const [finished] = await listRetentionRuns(callerFor(adminUser));
  assert.deepEqual([finished?.id, finished?.status], [started?.run.id, 'COMPLETED']);
  assert.ok((finished?.masked ?? 0) >= 1);
});

test('a run left RUNNING by a stopped server shows as interrupted; one whose lock is held shows as running', async () => {
  const admin = callerFor(await createUser('ADMINISTRATOR'));
  const orphan = await db().retentionRun.create({ data: { dryRun: false, status: 'RUNNING', startedBy: 'retention job', phase: 'masking', masked: 7 } });
  try {
    const [shown] = await listRetentionRuns(admin);
    assert.deepEqual([shown?.id, shown?.status, shown?.phase, shown?.masked], [orphan.id, 'INTERRUPTED', null, 7]);
    // The same row while some session holds the job's lock: a run in progress elsewhere.
    const other = new pg.Client({ connectionString: env().DATABASE_URL });
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(hashtext('proportio:retention'))`);
      const [running] = await listRetentionRuns(admin);
      assert.deepEqual([running?.id, running?.status, running?.phase], [orphan.id, 'RUNNING', 'masking']);
    } finally {
      await other.end();
    }
    // The next run marks it for good.
    await runRetention({ dryRun: true });
    assert.equal((await db().retentionRun.findUniqueOrThrow({ where: { id: orphan.id } })).status, 'INTERRUPTED');
  } finally {
    await db().retentionRun.deleteMany({ where: { id: orphan.id, status: 'RUNNING' } });
  }
});

test('an administrator stops a run in progress: it ends STOPPED before its next batch, changing nothing more; stopping is recorded and refused for finished and dry runs', async () => {
  const adminUser = await createUser('ADMINISTRATOR');
  const due = await hitCollected(200);
  const blocker = new pg.Client({ connectionString: env().DATABASE_URL });
  await blocker.connect();
  let started: Awaited<ReturnType<typeof startRetentionRun>> | undefined;
  const stopper = callerFor(adminUser);
  try {
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE "RetentionPolicy" IN ACCESS EXCLUSIVE MODE');
    started = await startRetentionRun(callerFor(adminUser), { dryRun: false });
    // Not theirs to stop: refused and recorded as refused.
    const officer = callerFor(await createUser('PRIVACY_OFFICER'));
    await assert.rejects(stopRetentionRun(officer, started.run.id), ForbiddenError);
    const stopping = await stopRetentionRun(stopper, started.run.id);
    assert.deepEqual([stopping.status, stopping.stopRequestedBy], ['RUNNING', stopper.actorLabel]);
    await assert.rejects(stopRetentionRun(callerFor(adminUser), started.run.id), (error: unknown) => error instanceof ConflictError && /already asked/.test(error.message));
    await blocker.query('COMMIT');
    await started.done;
  } finally {
    await blocker.end();
  }
  const [stopped] = await listRetentionRuns(callerFor(adminUser));
  assert.deepEqual([stopped?.id, stopped?.status, stopped?.masked, stopped?.erased], [started?.run.id, 'STOPPED', 0, 0]);
  assert.equal((await db().traveller.findUniqueOrThrow({ where: { id: due.traveller.id } })).maskedAt, null, 'no batch ran after the stop');
  assert.deepEqual(
    (await eventsOf(stopper.requestId)).map((event) => [event.operation, event.resourceType, event.resourceId, (event.details as { stop?: boolean }).stop]),
    [['ALTERATION', 'retention-run', started?.run.id, true]],
  );

  // Finished runs, dry runs and unknown runs cannot be stopped; nothing is recorded as stopped.
  const refused = callerFor(adminUser);
  await assert.rejects(stopRetentionRun(refused, started?.run.id as string), (error: unknown) => error instanceof ConflictError && /no longer running/.test(error.message));
  const dry = await startRetentionRun(callerFor(adminUser), { dryRun: true });
  await assert.rejects(stopRetentionRun(refused, dry.run.id), (error: unknown) => error instanceof ConflictError && /dry run/.test(error.message));
  await dry.done;
  await assert.rejects(stopRetentionRun(refused, '00000000-0000-7000-8000-000000000000'), NotFoundError);
  assert.deepEqual(await eventsOf(refused.requestId), []);

  // The next run goes on where the stopped one did not.
  await runRetention();
  assert.ok((await db().traveller.findUniqueOrThrow({ where: { id: due.traveller.id } })).maskedAt);
});
