import assert from 'node:assert/strict';
import { test } from 'node:test';
import './zod-jitless';
import { z } from 'zod';

test('zod reads the jitless flag set without importing it', () => {
  assert.equal(z.config().jitless, true);
});
