#!/usr/bin/env node
'use strict';
// npm `postinstall`: generate the Prisma client (into generated/prisma) so a
// fresh checkout typechecks and runs right after `npm install`. Goes through
// cli.cjs, so it works without Prisma's native schema engine.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..', '..');

if (!fs.existsSync(path.join(root, 'prisma', 'schema.prisma'))) {
  console.log('prisma/schema.prisma does not exist yet; skipping `prisma generate`.');
  process.exit(0);
}

const { status, signal } = spawnSync(process.execPath, [path.join(__dirname, 'cli.cjs'), 'generate'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(signal ? 1 : (status ?? 1));
