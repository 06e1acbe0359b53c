'use strict';
// PostgreSQL side of scripts/prisma/schema-engine.cjs: the driver adapter the
// WASM schema engine talks through, the shadow database it needs for
// `migrate dev` / `migrate diff --from-migrations`, and the one-shot
// `cli ...` subcommands the Prisma CLI runs before opening a JSON-RPC session.

const crypto = require('node:crypto');
const pg = require('pg');
const { createRequire } = require('node:module');
const { PrismaPg } = require('@prisma/adapter-pg');
// A dependency of @prisma/adapter-pg (same version), not of this project.
const adapterUtils = createRequire(require.resolve('@prisma/adapter-pg'))('@prisma/driver-adapter-utils');
const { ColumnTypeEnum } = adapterUtils;

// The adapter maps every result column's type OID to a Prisma column type and
// throws on ones it does not know. The engine's catalog queries return the
// internal one-byte `"char"` type (OID 18, e.g. pg_constraint.contype), which
// the native engine reads as a Character column. pg already decodes it as a
// string; so report it to the adapter as text (OID 25) and afterwards fix the
// column type up to Character. `rows` is the one object that passes unchanged
// from pg's result to the adapter's, so it keys the remembered positions.
const CHAR_OID = 18;
const TEXT_OID = 25;
const charColumnsByRows = new WeakMap();

function remapCharColumns(result) {
  if (Array.isArray(result)) return result.map(remapCharColumns);
  const positions = [];
  (result?.fields ?? []).forEach((field, i) => {
    if (field.dataTypeID !== CHAR_OID) return;
    field.dataTypeID = TEXT_OID;
    positions.push(i);
  });
  if (positions.length) charColumnsByRows.set(result.rows, positions);
  return result;
}

// Patched at the pg.Client level (pg.Pool takes a `Client` option), so pool
// queries and transaction connections alike are covered.
class RemappingClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === 'function') [callback, values] = [values, undefined];
    if (typeof callback === 'function') {
      return super.query(config, values, (err, res) => callback(err, err ? res : remapCharColumns(res)));
    }
    const ret = super.query(config, values);
    return typeof ret?.then === 'function' ? ret.then(remapCharColumns) : ret;
  }
}

function restoreCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumnsByRows.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

// The adapter runs a migration script by splitting it on every ";" — inside comments and
// dollar-quoted function bodies too. The native engine sends the script whole, as one
// simple-protocol query that PostgreSQL itself splits correctly; so do that.
function executeScriptWhole(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

async function connectAdapter(factory) {
  const adapter = executeScriptWhole(restoreCharColumns(await factory.connect()));
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => restoreCharColumns(await startTransaction(...args));
  return adapter;
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function describeUrl(url) {
  const u = new URL(url);
  return {
    database: decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username) || 'postgres',
    user: decodeURIComponent(u.username),
    location: `${u.hostname || 'localhost'}:${u.port || 5432}`,
  };
}

// Prisma URLs may carry `?schema=`; pg does not know it, so turn it into a
// search_path (unqualified DDL in migrations lands there) plus the adapter's
// schema option (which the engine uses as the default namespace).
function connectionConfig(url) {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  const config = { connectionString: u.toString(), Client: RemappingClient };
  if (schema) config.options = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return { config, options: schema ? { schema } : undefined };
}

function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: connectionConfig(url).config.connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// A shadow database configured by the user is reused, so wipe it first, the
// way the native engine resets it before replaying migrations.
async function wipeSchemas(url) {
  await withClient(url, async (client) => {
    const { rows } = await client.query(
      "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`);
    const schema = new URL(url).searchParams.get('schema') || 'public';
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  });
}

/**
 * Adapter factory in the shape the WASM engine expects (before binding).
 * `pendingShadows` lets the caller drop temporary databases the engine did not
 * dispose of (e.g. when the process is told to stop mid-command).
 */
function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const main = connectionConfig(url);
  const factory = new PrismaPg(main.config, main.options);
  const pendingShadows = new Set();

  async function dropShadow(name) {
    // FORCE: the engine may still hold connections to it.
    await withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    pendingShadows.delete(name);
  }

  async function connectTo(shadowUrl, onDispose) {
    const { config, options } = connectionConfig(shadowUrl);
    const adapter = await connectAdapter(new PrismaPg(config, options));
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      try {
        await dispose();
      } finally {
        await onDispose?.();
      }
    };
    return adapter;
  }

  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    pendingShadows,
    dropShadow,
    connect: () => connectAdapter(factory),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        await wipeSchemas(shadowDatabaseUrl);
        return connectTo(shadowDatabaseUrl);
      }
      // Same server as the main database, so it needs CREATEDB there, as the
      // native engine does.
      const name = `prisma_shadow_${crypto.randomUUID().replaceAll('-', '')}`;
      await withClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      pendingShadows.add(name);
      try {
        return await connectTo(withDatabase(url, name), () => dropShadow(name));
      } catch (error) {
        await dropShadow(name).catch(() => {});
        throw error;
      }
    },
  };
}

// Error codes and wording follow the native engine's user-facing errors; the
// CLI branches on them (P1003 means "create the database, then carry on").
function toKnownError(error, url) {
  const { database, user, location } = describeUrl(url);
  switch (error?.code) {
    case '3D000':
      return { error_code: 'P1003', message: `Database \`${database}\` does not exist on the database server at \`${location}\`.` };
    case '28P01':
    case '28000':
      return {
        error_code: 'P1000',
        message: `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`,
      };
    case '42P04':
      return { error_code: 'P1009', message: `Database \`${database}\` already exists on the database server at \`${location}\`` };
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return {
        error_code: 'P1001',
        message: `Can't reach database server at \`${location}\`\n\nPlease make sure your database server is running at \`${location}\`.`,
      };
    default:
      return { message: String(error?.message ?? error) };
  }
}

// CREATE/DROP DATABASE must run while connected to another database.
function onAdminDb(url, sql) {
  return withClient(withDatabase(url, 'postgres'), (c) => c.query(sql)).catch((error) => {
    if (error?.code !== '3D000') throw error;
    return withClient(withDatabase(url, 'template1'), (c) => c.query(sql));
  });
}

async function createDatabase(url) {
  const { database } = describeUrl(url);
  await onAdminDb(url, `CREATE DATABASE ${quoteIdent(database)}`);
  return database;
}

const cliCommands = {
  'can-connect-to-database': async (url) => {
    await withClient(url, (c) => c.query('SELECT 1'));
    return 'Connection successful';
  },
  'create-database': async (url) => `Database '${await createDatabase(url)}' was successfully created.`,
  'drop-database': async (url) => {
    await onAdminDb(url, `DROP DATABASE ${quoteIdent(describeUrl(url).database)}`);
    return 'The database was successfully dropped.';
  },
};

// `schema-engine --datasource '{"url":…}' cli <command>`: the CLI reads stdout
// on success; on failure it drops the first stderr line and parses every
// other line as a JSON log record, looking for an ERROR with an error_code.
async function runCliCommand(command, url) {
  try {
    if (!cliCommands[command]) throw new Error(`Unknown cli command: ${command}`);
    if (!url) throw new Error('No datasource URL given (--datasource or DATABASE_URL).');
    process.stdout.write(`${await cliCommands[command](url)}\n`);
    return 0;
  } catch (error) {
    const fields = url ? toKnownError(error, url) : { message: String(error?.message ?? error) };
    process.stderr.write(`schema-engine (wasm) cli ${command} failed\n`);
    process.stderr.write(`${JSON.stringify({ level: 'ERROR', fields, target: 'schema_engine::logger' })}\n`);
    return 1;
  }
}

module.exports = { adapterUtils, createAdapterFactory, createDatabase, runCliCommand, toKnownError };
