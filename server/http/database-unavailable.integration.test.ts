import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, mock, test } from 'node:test';
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@/generated/prisma/client';
import { isDatabaseUnavailableDigest } from '@/lib/database-unavailable';
import { env } from '@/lib/env';
import { db, queryDirect } from '@/server/db';
import { errorResponse } from './error-response';

// A database that restarts or cannot be reached, with the errors it really produces (no
// fabricated ones): refused connections, and sessions the server ends — pg_terminate_backend
// sends the same 57P01 admin_shutdown a fast stop or restart sends every session. Each is
// answered 503 with Retry-After; other database errors keep their answers; the pool heals.
// e2e/attack/faults.spec.ts restarts the server itself under the running app.

after(() => db().$disconnect());

const context = { requestId: 'rid-db-away', method: 'POST', path: '/api/v1/probe' };

async function answerTo(error: unknown): Promise<{ status: number; retryAfter: string | null; body: unknown; logged: string }> {
  const log = mock.method(console, 'error', () => {});
  try {
    const response = errorResponse(error, context);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json(), logged: String(log.mock.calls[0]?.arguments[0] ?? '') };
  } finally {
    log.mock.restore();
  }
}

async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  assert.fail('expected the database call to fail');
}

function assertUnavailable(answer: Awaited<ReturnType<typeof answerTo>>, what: string) {
  assert.equal(answer.status, 503, what);
  assert.equal(answer.retryAfter, '5', what);
  assert.deepEqual(answer.body, { message: 'The database is not reachable; try again in a moment.', requestId: 'rid-db-away' }, what);
  assert.equal(JSON.parse(answer.logged).requestId, 'rid-db-away', `${what}: logged with the request id`);
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

test('a database that refuses connections: every kind of call is answered 503', async () => {
  const url = new URL(env().DATABASE_URL ?? '');
  url.hostname = '127.0.0.1';
  url.port = String(await closedPort());
  const away = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
  try {
    assertUnavailable(await answerTo(await failureOf(() => away.user.count())), 'a model query');
    assertUnavailable(await answerTo(await failureOf(() => away.$queryRaw`SELECT 1`)), 'a raw query');
    assertUnavailable(await answerTo(await failureOf(() => away.$transaction(async (tx) => tx.user.count()))), 'a transaction');
  } finally {
    await away.$disconnect();
  }
});

test('a session ended by the server mid-transaction (57P01): 503, the error marked for error pages, its writes gone', async () => {
  const code = `DB-AWAY-${crypto.randomUUID().slice(0, 8)}`;
  // Ended while a statement runs (the server's 57P01) and between two statements (node-postgres's own words).
  for (const [index, moment] of (['during a statement', 'between statements'] as const).entries()) {
    const error = await failureOf(() =>
      db().$transaction(async (tx) => {
        await tx.watchlistSource.create({ data: { code: `${code}-${index}`, name: 'Written before the restart', defaultLegalBasis: 'Test' } });
        const [{ pid }] = await tx.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
        const terminate = async () => db().$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
        if (moment === 'during a statement') {
          await Promise.all([tx.$executeRaw`SELECT pg_sleep(10)`, new Promise((resolve) => setTimeout(resolve, 300)).then(terminate)]);
        } else {
          await terminate();
          await new Promise((resolve) => setTimeout(resolve, 200));
          await tx.user.count();
        }
      }, { timeout: 20_000 }),
    );
    assertUnavailable(await answerTo(error), moment);
    assert.ok(isDatabaseUnavailableDigest((error as { digest?: string }).digest), `${moment}: a failed page would say the database is away`);
  }
  assert.equal(await db().watchlistSource.count({ where: { code: { startsWith: code } } }), 0, 'nothing of either transaction committed');
});

test('other database errors are not mistaken for an outage', async () => {
  const code = `DB-HERE-${crypto.randomUUID().slice(0, 8)}`;
  await db().watchlistSource.create({ data: { code, name: 'Once', defaultLegalBasis: 'Test' } });
  const duplicate = await failureOf(() => db().watchlistSource.create({ data: { code, name: 'Twice', defaultLegalBasis: 'Test' } }));
  // Our own statement timeout (57014) is not the server going away either.
  const timedOut = await failureOf(() =>
    db().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL statement_timeout = 50`;
      await tx.$executeRaw`SELECT pg_sleep(1)`;
    }),
  );
  for (const error of [duplicate, timedOut]) {
    const answer = await answerTo(error);
    assert.equal(answer.status, 500);
    assert.equal(answer.retryAfter, null);
    assert.equal((error as { digest?: string }).digest, undefined);
  }
});

test('after the server ended every connection of the pool, the next queries reconnect by themselves', async () => {
  // Open several pooled connections, then have the server end all but the one that asks.
  await Promise.all(Array.from({ length: 5 }, () => db().$executeRaw`SELECT pg_sleep(0.05)`));
  const [{ ended }] = await db().$queryRaw<[{ ended: number }]>`
    SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity
    WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid() AND backend_type = 'client backend'`;
  assert.ok(ended >= 1, 'the pool had idle connections to lose');
  // The pool hears of each ended connection and drops it; give the notices a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (let i = 0; i < 12; i++) assert.equal(typeof (await db().user.count()), 'number');
  await db().$transaction(async (tx) => tx.user.count());
  // The same pool under the statements sent past Prisma (queryDirect).
  for (let i = 0; i < 12; i++) assert.deepEqual(await queryDirect(Prisma.sql`SELECT ${i}::int AS i`), [{ i }]);
});

test('a statement sent past Prisma whose session the server ends (57P01) is answered 503 and marked; its pool heals', async () => {
  const error = await failureOf(() =>
    Promise.all([
      // Long enough to be running on a connection when another one ends it.
      queryDirect(Prisma.sql`SELECT pg_sleep(10), pg_backend_pid()`),
      new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
        db().$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(10), pg_backend_pid()%' AND pid <> pg_backend_pid()`,
      ),
    ]),
  );
  assertUnavailable(await answerTo(error), 'a direct statement');
  assert.ok(isDatabaseUnavailableDigest((error as { digest?: string }).digest), 'a failed page would say the database is away');
  assert.deepEqual(await queryDirect(Prisma.sql`SELECT 1::int AS one`), [{ one: 1 }]);
});
