#!/usr/bin/env node
'use strict';
// Stand-in for Prisma's native `schema-engine` binary, which this machine
// cannot download. The CLI runs whatever PRISMA_SCHEMA_ENGINE_BINARY names
// (see scripts/prisma/cli.cjs) in one of two ways:
//
//   schema-engine [--datamodels <file>]… [--datasource <json>]   JSON-RPC 2.0 over stdio
//   schema-engine --datasource <json> cli <command>              one-shot (can-connect-to-database, …)
//   schema-engine --version
//
// JSON-RPC calls are forwarded to the same engine compiled to WASM
// (@prisma/schema-engine-wasm, pinned to the CLI's engines hash), which reaches
// PostgreSQL through @prisma/adapter-pg instead of its own driver.

const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { pathToFileURL } = require('node:url');
const { adapterUtils, createAdapterFactory, createDatabase, runCliCommand, toKnownError } = require('./schema-engine-pg.cjs');

// stderr is a protocol channel for the CLI (JSON log lines), so Node's own
// warnings must not be printed there as plain text.
process.removeAllListeners('warning');
process.on('warning', (w) => logLine('WARN', `${w.name}: ${w.message}`));

function logLine(level, message, extra = {}) {
  process.stderr.write(`${JSON.stringify({ level, fields: { message, ...extra }, target: 'schema_engine_wasm_shim' })}\n`);
}

function parseArgs(argv) {
  const args = { datamodels: [], datasource: {}, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--datamodels' || arg === '-d') args.datamodels.push(argv[++i]);
    else if (arg === '--datasource') args.datasource = JSON.parse(argv[++i]);
    else if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === 'cli') args.cli = argv[++i];
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++; // not needed by the WASM engine
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const datasourceUrl = args.datasource.url || process.env.DATABASE_URL;

// The WASM glue is an ES module that `import`s the .wasm file directly, which
// Node cannot do without a flag; instantiate the module by hand instead.
async function loadWasmEngine() {
  const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bindings = await import(pathToFileURL(glue).href);
  const bytes = fs.readFileSync(path.join(path.dirname(glue), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings;
}

// Rust panics surface in JS as `RuntimeError: unreachable`; the engine's panic
// hook reports the real message here first (it calls this global by name).
let panicMessage = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (panicMessage = message) };

// Shape the native engine uses, which the CLI unpacks (error_code becomes a
// Prisma error code, is_panic triggers its crash report).
function rpcError(error) {
  if (panicMessage !== null || error instanceof WebAssembly.RuntimeError) {
    const message = panicMessage ?? String(error?.message ?? error);
    return { code: 4466, message, data: { is_panic: true, message, error: { message }, backtrace: error?.stack } };
  }
  const data = { is_panic: false, message: String(error?.message ?? error), meta: error?.meta ?? null };
  if (typeof error?.code === 'string' && /^P\d{4}$/.test(error.code)) data.error_code = error.code;
  else if (error?.code) Object.assign(data, toKnownError(error, datasourceUrl));
  return { code: 4466, message: 'An error happened. Check the data field for details.', data };
}

function send(message) {
  process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
}

let enginePromise = null;
let adapterFactory = null;

function engine() {
  enginePromise ??= (async () => {
    if (!datasourceUrl) throw new Error('No datasource URL: set datasource.url in prisma.config.ts (or DATABASE_URL).');
    const wasm = await loadWasmEngine();
    adapterFactory = createAdapterFactory({ url: datasourceUrl, shadowDatabaseUrl: args.datasource.shadowDatabaseUrl });
    // The CLI passes schema file paths; the WASM engine wants their contents
    // (it reads the datasource's `schemas` for multi-schema setups).
    const datamodels = args.datamodels.map((file) => [file, fs.readFileSync(file, 'utf8')]);
    const onLog = (line) => line.trim() && process.stderr.write(`${line.trim()}\n`);
    return wasm.SchemaEngine.new(
      { datamodels: datamodels.length ? datamodels : undefined },
      onLog,
      adapterUtils.bindMigrationAwareSqlAdapterFactory(adapterFactory),
    );
  })();
  return enginePromise;
}

let nextPrintId = 1;

// JSON-RPC methods as the CLI calls them; most map 1:1 onto the WASM class.
const methods = {
  async diff(params) {
    const result = await (await engine()).diff(params);
    // The native engine prints through a `print` request to the CLI (which
    // writes it to stdout, or to --output) instead of returning the text.
    if (result.stdout != null) {
      send({ id: `print-${nextPrintId++}`, method: 'print', params: { content: result.stdout.replace(/\n$/, '') } });
    }
    return { ...result, stdout: null };
  },
  getDatabaseVersion: async (params) => (await engine()).version(params),
  version: async (params) => (await engine()).version(params),
  createDatabase: async (params) => ({ databaseName: await createDatabase(params?.datasource?.url ?? datasourceUrl) }),
  async debugPanic() {
    (await engine()).debugPanic();
  },
};
for (const name of [
  'applyMigrations',
  'createMigration',
  'dbExecute',
  'devDiagnostic',
  'diagnoseMigrationHistory',
  'ensureConnectionValidity',
  'evaluateDataLoss',
  'introspect',
  'introspectSql',
  'markMigrationApplied',
  'markMigrationRolledBack',
  'reset',
  'schemaPush',
]) {
  methods[name] = async (params) => (await engine())[name](params);
}

let currentRequestId = null;

async function handle(request) {
  currentRequestId = request.id;
  const method = methods[request.method];
  if (!method) {
    return send({ id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
  }
  try {
    const result = await method(request.params ?? {});
    send({ id: request.id, result: result ?? {} });
  } catch (error) {
    send({ id: request.id, error: rpcError(error) });
    if (panicMessage !== null) await shutdown(101); // no call is safe after a WASM panic
  }
}

// Drop temporary shadow databases the engine did not get to dispose of; the
// CLI ends stdin and, on Unix, sends SIGTERM straight away when it is done.
let shuttingDown = null;
function shutdown(code) {
  shuttingDown ??= (async () => {
    const pending = [...(adapterFactory?.pendingShadows ?? [])];
    await Promise.allSettled(pending.map((name) => adapterFactory.dropShadow(name)));
    process.exit(code);
  })();
  return shuttingDown;
}

async function serve() {
  // The WASM engine's methods take `&mut self`: calls must not overlap.
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      return send({ id: null, error: { code: -32700, message: 'Parse error' } });
    }
    if (message.method === undefined) return; // the CLI acknowledging a `print`
    queue = queue.then(() => handle(message));
  });
  lines.on('close', () => queue.then(() => shutdown(0)));
  process.on('SIGTERM', () => shutdown(0));
  // Some panics unwind out of a callback the engine gave to a JS promise
  // rather than out of the call itself, so they arrive here.
  process.on('uncaughtException', (error) => {
    if (currentRequestId !== null) send({ id: currentRequestId, error: rpcError(error) });
    else logLine('ERROR', String(error?.stack ?? error));
    shutdown(panicMessage !== null ? 101 : 1);
  });
  process.on('SIGINT', () => shutdown(130));
}

async function main() {
  if (args.version) {
    const wasm = await loadWasmEngine();
    process.stdout.write(`schema-engine-wasm ${wasm.version()}\n`);
    return;
  }
  if (args.cli) {
    process.exitCode = await runCliCommand(args.cli, datasourceUrl);
    return;
  }
  await serve();
}

main().catch((error) => {
  logLine('ERROR', String(error?.stack ?? error));
  process.exit(1);
});
