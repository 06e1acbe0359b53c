import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDatabaseUnavailableDigest } from '@/lib/database-unavailable';
import { databaseUnavailableReason, markIfDatabaseUnavailable } from './database-unavailable';

// The shapes the integration test cannot provoke on a running server: a server starting up
// or shutting down (57P03) as @prisma/adapter-pg reports it inside a Prisma error, a broken
// link (class 08), Node's AggregateError for a refused IPv4 and IPv6 address. The rest are
// produced for real in server/http/database-unavailable.integration.test.ts.

const adapterError = (cause: Record<string, unknown>) => ({ name: 'DriverAdapterError', message: 'postgres', cause });
const prismaError = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error('\nInvalid `prisma.hit.findMany()` invocation:\n\nDatabase error.'), { name: 'PrismaClientKnownRequestError', code, meta: { driverAdapterError: adapterError(cause) } });

test('a server that is starting, stopping or lost the link is unavailable, however deep the code sits', () => {
  const startingUp = { kind: 'postgres', code: '57P03', originalCode: '57P03', severity: 'FATAL', message: 'the database system is starting up' };
  assert.equal(databaseUnavailableReason(prismaError('P2039', startingUp)), '57P03');
  assert.equal(databaseUnavailableReason(adapterError({ kind: 'postgres', code: '08006', severity: 'FATAL', message: 'connection failure' })), '08006');
  const refused = new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], '');
  assert.equal(databaseUnavailableReason(refused), 'ECONNREFUSED');
});

test('errors of the request or the query are not an outage', () => {
  assert.equal(databaseUnavailableReason(prismaError('P2002', { kind: 'UniqueConstraintViolation' })), null);
  assert.equal(databaseUnavailableReason(prismaError('P2010', { kind: 'postgres', code: '57014', message: 'canceling statement due to statement timeout' })), null);
  assert.equal(databaseUnavailableReason(prismaError('P2034', { kind: 'TransactionWriteConflict' })), null);
  assert.equal(databaseUnavailableReason(new Error('Transaction already closed: the timeout for this transaction was 5000 ms')), null);
  assert.equal(databaseUnavailableReason('ECONNREFUSED'), null);
});

test('marking gives an outage a digest the error page recognises, and leaves other errors alone', () => {
  const lost = markIfDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })) as { digest?: string };
  assert.ok(isDatabaseUnavailableDigest(lost.digest));
  const other = markIfDatabaseUnavailable(new Error('boom')) as { digest?: string };
  assert.equal(other.digest, undefined);
  // A digest Next.js or we set before is kept: the log line and the page must agree.
  const again = markIfDatabaseUnavailable(Object.assign(new Error('x'), { code: 'ECONNRESET', digest: 'DATABASE_UNAVAILABLE;abc' })) as { digest?: string };
  assert.equal(again.digest, 'DATABASE_UNAVAILABLE;abc');
});
