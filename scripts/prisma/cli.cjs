#!/usr/bin/env node
'use strict';
// Runs the project's Prisma CLI with all given arguments. Where Prisma's
// native schema engine is missing (it cannot be downloaded here), migrate/db
// commands get the WASM-based stand-in in ./schema-engine.cjs instead; where
// the native binary exists, or PRISMA_SCHEMA_ENGINE_BINARY is already set,
// nothing changes.

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const prismaCli = require.resolve('prisma/build/index.js');

// The places the CLI itself looks for `schema-engine-<binaryTarget>`.
function nativeEngineExists() {
  const enginesDir = path.join(path.dirname(require.resolve('@prisma/engines')), '..');
  const prismaDir = path.join(path.dirname(prismaCli), '..');
  return [enginesDir, prismaDir, path.join(prismaDir, '..'), path.join(prismaDir, 'runtime')].some(
    (dir) => fs.existsSync(dir) && fs.readdirSync(dir).some((name) => /^schema-engine-[\w.-]+$/.test(name) && !name.endsWith('.js')),
  );
}

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !nativeEngineExists()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(__dirname, 'schema-engine.cjs');
}

const child = spawn(process.execPath, [prismaCli, ...process.argv.slice(2)], { stdio: 'inherit', env });
// Ctrl-C reaches the CLI directly (same process group); just outlive it.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
