import assert from 'node:assert/strict';
import { after, mock, test } from 'node:test';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import { errorResponse } from './error-response';

// More requests at once than the pool has connections (bench:load at 100 connections): a
// transaction that cannot get a connection within maxWait is Prisma's P2028. That is the
// app over capacity, not a fault — 503 with Retry-After, not a 500 "something went wrong".

// A pool of one connection, and a wait of a second: the second transaction cannot start.
const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 1 }), transactionOptions: { maxWait: 1_000 } });
after(() => client.$disconnect());

test('a transaction that waits in vain for a connection answers 503 with Retry-After', async () => {
  let release = () => {};
  let started = () => {};
  const holding = new Promise<void>((resolve) => (started = resolve));
  // The one connection, held open until the second transaction has given up; the first gets
  // all the time it needs to connect on a loaded machine.
  const held = client.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      started();
      await new Promise<void>((resolve) => (release = resolve));
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
  await holding;
  let failure: unknown;
  try {
    await client.$transaction(async (tx) => tx.$queryRaw`SELECT 1`);
  } catch (error) {
    failure = error;
  } finally {
    release();
    await held;
  }
  assert.ok(failure, 'the second transaction could not start');
  const log = mock.method(console, 'error', () => {});
  try {
    const response = errorResponse(failure, { requestId: 'rid-busy', method: 'GET', path: '/api/v1/hits' });
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '2');
    assert.deepEqual(await response.json(), { message: 'The service is busy; try again in a moment.', requestId: 'rid-busy' });
    assert.match(String(log.mock.calls[0]?.arguments[0]), /"overCapacity":"P2028"/);
  } finally {
    log.mock.restore();
  }
  // Once the connection is free again, the same call works.
  assert.deepEqual(await client.$transaction(async (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`), [{ one: 1 }]);
});
