import assert from 'node:assert/strict';
import { statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ensureRoomFor } from './target-database.mts';

test('a benchmark run refuses to start on a disk with less room than it needs, and says how much there is', () => {
  const { bavail, bsize } = statfsSync(os.tmpdir());
  const freeGib = (bavail * bsize) / 2 ** 30;
  assert.throws(() => ensureRoomFor(os.tmpdir(), freeGib + 1), (error: Error) => error.message.includes(`Only ${freeGib.toFixed(1)} GiB free`) && error.message.includes(`at least ${freeGib + 1} GiB`));
  assert.doesNotThrow(() => ensureRoomFor(os.tmpdir(), Math.max(0, freeGib - 1)));
});

test('a new cluster\'s folder that does not exist yet is measured on the disk it will be made on', () => {
  const folder = path.join(os.tmpdir(), `proportio-not-there-${process.pid}`, 'cluster');
  assert.doesNotThrow(() => ensureRoomFor(folder, 0));
  assert.throws(() => ensureRoomFor(folder, Number.MAX_SAFE_INTEGER), /GiB free on the disk of/);
});
