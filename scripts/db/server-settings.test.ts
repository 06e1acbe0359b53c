import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durableServerFlags, sharedBuffersMb } from './server-settings.mts';

const GB = 1024 * 1024 * 1024;

test('shared buffers are a quarter of the memory, never below the default nor above 8 GB', () => {
  assert.equal(sharedBuffersMb(24 * GB), 6 * 1024);
  assert.equal(sharedBuffersMb(8 * GB), 2 * 1024);
  assert.equal(sharedBuffersMb(256 * 1024 * 1024), 128);
  assert.equal(sharedBuffersMb(128 * GB), 8 * 1024);
});

test('the flags are -c pairs PostgreSQL accepts, shared buffers by the memory given', () => {
  const flags = durableServerFlags(16 * GB);
  assert.equal(flags.length % 2, 0);
  for (let i = 0; i < flags.length; i += 2) {
    assert.equal(flags[i], '-c');
    assert.match(flags[i + 1] ?? '', /^[a-z_]+=[0-9]+(MB|GB|min)$/);
  }
  assert.ok(flags.includes('shared_buffers=4096MB'));
});
