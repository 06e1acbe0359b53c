// Makes a streaming hot standby of an embedded PostgreSQL cluster with only the binaries the
// embedded package ships (initdb, pg_ctl, postgres): no pg_basebackup. It is the documented
// low-level base backup — pg_backup_start(), a copy of the data folder, pg_backup_stop() and
// its backup_label — followed by standby.signal and primary_conninfo. The replica tests
// (server/replica/) use it; it is not meant for production, where pg_basebackup exists.
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startCluster, stopCluster } from './pg-ctl.mts';

export interface Standby {
  url: string;
  dataDir: string;
  /** A fast shutdown; the folder stays, so start() resumes streaming where it stopped. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
}

export interface StandbyOptions {
  /** The primary's database URL (a superuser: pg_backup_start and replication need one). */
  primaryUrl: string;
  /** The primary's data folder, readable by this process. */
  primaryDataDir: string;
  /** An empty folder for the copy (e.g. from mkdtemp): it is handed to the primary's owner. */
  dataDir: string;
  port: number;
}

// Left out of the copy, as the PostgreSQL manual's "Making a Base Backup Using the Low Level
// API" says: the running primary's lock and options, its WAL (the standby streams what it
// needs from the slot) and its replication slots. The folders themselves must exist.
const SKIPPED_FILES = new Set(['postmaster.pid', 'postmaster.opts']);
const EMPTIED_FOLDERS = new Set(['pg_wal', 'pg_replslot', 'pg_stat_tmp']);

function copyDataDir(from: string, to: string): void {
  cpSync(from, to, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(from, source);
      if (SKIPPED_FILES.has(relative)) return false;
      const [top, ...rest] = relative.split(path.sep);
      // Inside pg_wal keep only folders (archive_status, summaries), never segments.
      if (top && EMPTIED_FOLDERS.has(top) && rest.length > 0) return lstatSync(source).isDirectory() && top === 'pg_wal';
      return true;
    },
  });
}

/** PostgreSQL refuses a data folder another user owns or others can read; the copy belongs to the primary's owner. */
function ownLike(folder: string, owner: { uid: number; gid: number }): void {
  if (process.getuid?.() === 0) {
    const walk = (entry: string) => {
      chownSync(entry, owner.uid, owner.gid);
      if (lstatSync(entry).isDirectory()) for (const name of readdirSync(entry)) walk(path.join(entry, name));
    };
    walk(folder);
  }
  chmodSync(folder, 0o700);
}

/**
 * The copied postmaster.opts would name the primary's folder and port; pg-ctl.mts starts a
 * cluster with the options its postmaster.opts records, so write the standby's own.
 */
function writeStartOptions(primaryDataDir: string, dataDir: string, port: number): void {
  const line = readFileSync(path.join(primaryDataDir, 'postmaster.opts'), 'utf8').trim();
  const binary = line.slice(0, line.indexOf(' "'));
  const args = [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1] as string);
  const options: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-D' || args[i] === '-p') i++;
    else options.push(args[i] as string);
  }
  const quoted = ['-D', dataDir, '-p', String(port), ...options].map((arg) => `"${arg}"`).join(' ');
  writeFileSync(path.join(dataDir, 'postmaster.opts'), `${binary} ${quoted}\n`);
}

/** pg_ctl's own message says only "examine the log": put the log's end into the error. */
async function startWithLog(dataDir: string): Promise<void> {
  try {
    await startCluster(dataDir);
  } catch (error) {
    const log = path.join(dataDir, 'restart.log');
    const tail = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-8).join('\n') : '(no log)';
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${tail}`);
  }
}

/** Copies the running primary into `dataDir` and starts it as a hot standby streaming from a physical slot. */
export async function startStandby(options: StandbyOptions): Promise<Standby> {
  const { primaryUrl, primaryDataDir, dataDir, port } = options;
  const primary = new URL(primaryUrl);
  const slot = `standby_${port}`;
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  try {
    // The slot keeps every WAL segment the standby has not received yet, so nothing it
    // needs is recycled between the backup's start and its first connection.
    await admin.query('SELECT pg_create_physical_replication_slot($1, true)', [slot]);
    // Non-exclusive backup: start and stop on this one connection; `true` asks for an
    // immediate checkpoint rather than waiting for the next one.
    await admin.query("SELECT pg_backup_start('proportio-standby', true)");
    copyDataDir(primaryDataDir, dataDir);
    const stopped = await admin.query<{ labelfile: string; spcmapfile: string | null }>('SELECT labelfile, spcmapfile FROM pg_backup_stop(false)');
    const { labelfile, spcmapfile } = stopped.rows[0]!;
    // backup_label tells recovery where replay must start (the checkpoint of pg_backup_start),
    // not the checkpoint pg_control names, which may be later than some copied pages.
    writeFileSync(path.join(dataDir, 'backup_label'), labelfile);
    if (spcmapfile) writeFileSync(path.join(dataDir, 'tablespace_map'), spcmapfile);
  } catch (error) {
    await admin.query('SELECT pg_drop_replication_slot($1)', [slot]).catch(() => {});
    throw error;
  } finally {
    await admin.end();
  }
  const conninfo = `host=${primary.hostname} port=${primary.port} user=${decodeURIComponent(primary.username)} password=${decodeURIComponent(primary.password)} application_name=${slot}`;
  writeFileSync(path.join(dataDir, 'standby.signal'), '');
  writeFileSync(
    path.join(dataDir, 'postgresql.auto.conf'),
    `${readFileSync(path.join(dataDir, 'postgresql.auto.conf'), 'utf8')}\nprimary_conninfo = '${conninfo.replaceAll("'", "''")}'\nprimary_slot_name = '${slot}'\nhot_standby = on\n`,
  );
  writeStartOptions(primaryDataDir, dataDir, port);
  ownLike(dataDir, statSync(primaryDataDir));
  await startWithLog(dataDir);
  const url = new URL(primaryUrl);
  url.port = String(port);
  return {
    url: url.toString(),
    dataDir,
    stop: () => stopCluster(dataDir),
    start: () => startWithLog(dataDir),
  };
}

/** Stops the standby if it runs and deletes its folder; never throws (cleanup after a failure). */
export async function removeStandby(dataDir: string): Promise<void> {
  await stopCluster(dataDir).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
}
