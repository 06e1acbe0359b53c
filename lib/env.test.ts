import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EnvError, parseEnv } from './env';

test('a malformed DATABASE_URL stops start-up with a sentence saying what is wrong', () => {
  for (const url of ['not a url', 'mysql://u:p@host/db', 'postgresql://']) {
    assert.throws(() => parseEnv({ DATABASE_URL: url }), (error: unknown) => {
      assert.ok(error instanceof EnvError);
      assert.match(error.message, /DATABASE_URL must look like postgresql:\/\/user:password@host:5432\/database/);
      return true;
    });
  }
});

test('a valid configuration parses, with defaults', () => {
  const env = parseEnv({ DATABASE_URL: 'postgresql://app:secret@db.internal:5432/proportio' });
  assert.equal(env.PORT, 3000);
  assert.equal(env.DATABASE_URL, 'postgresql://app:secret@db.internal:5432/proportio');
  assert.equal(parseEnv({ PORT: '8080' }).PORT, 8080);
});

test('a short NEXTAUTH_SECRET and an invalid PORT are refused', () => {
  assert.throws(() => parseEnv({ NEXTAUTH_SECRET: 'short' }), /NEXTAUTH_SECRET must be at least 32 characters/);
  assert.throws(() => parseEnv({ PORT: '70000' }), /PORT/);
});

test('a retention master key must be 32 bytes of base64', () => {
  assert.throws(() => parseEnv({ RETENTION_MASTER_KEY: Buffer.alloc(16).toString('base64') }), /RETENTION_MASTER_KEY must be 32 random bytes/);
  assert.equal(parseEnv({ RETENTION_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') }).RETENTION_MASTER_KEY, Buffer.alloc(32, 7).toString('base64'));
});

test('a read replica is optional, named in its own message when malformed, and used under a lag bound of 30 s by default', () => {
  const unset = parseEnv({});
  assert.equal(unset.DATABASE_REPLICA_URL, undefined);
  assert.equal(unset.DATABASE_REPLICA_MAX_LAG_SECONDS, 30);
  assert.equal(unset.DATABASE_REPLICA_CHECK_SECONDS, 5);
  assert.throws(() => parseEnv({ DATABASE_REPLICA_URL: 'replica.internal:5432' }), /DATABASE_REPLICA_URL must look like postgresql:\/\//);
  const set = parseEnv({ DATABASE_REPLICA_URL: 'postgresql://app:secret@replica.internal:5432/proportio', DATABASE_REPLICA_MAX_LAG_SECONDS: '2.5' });
  assert.equal(set.DATABASE_REPLICA_URL, 'postgresql://app:secret@replica.internal:5432/proportio');
  assert.equal(set.DATABASE_REPLICA_MAX_LAG_SECONDS, 2.5);
  assert.throws(() => parseEnv({ DATABASE_REPLICA_MAX_LAG_SECONDS: '0' }), /DATABASE_REPLICA_MAX_LAG_SECONDS must be more than 0/);
  assert.throws(() => parseEnv({ DATABASE_REPLICA_CHECK_SECONDS: '-1' }), /DATABASE_REPLICA_CHECK_SECONDS must be more than 0/);
});
