// Runs the production build (`next start`) against the benchmark database, as the e2e
// server does. Building is the caller's job: this refuses to start without a build.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../db/database.mts';
import { freePort } from '../../db/embedded.mts';
import { serverNodeOptions } from '../../server-node-options.mts';

export interface AppServer {
  url: string;
  /** The server's process (`next start` serves from it), for its CPU time. */
  pid: number | undefined;
  stop: () => Promise<void>;
}

/** `appDir` holds the build (.next); another folder lets a snapshot of it outlive a rebuild. */
export async function startApp(databaseUrl: string, log: (message: string) => void, appDir = ROOT): Promise<AppServer> {
  if (!existsSync(path.join(appDir, '.next', 'BUILD_ID'))) {
    throw new Error(`No production build in ${path.join(appDir, '.next')}: run \`npm run build\` first.`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_OPTIONS: serverNodeOptions(),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(48).toString('base64url'),
      NEXTAUTH_URL: url,
      // The server would run the retention job at start-up and then hourly: on a benchmark's data
      // it masks the whole backlog (minutes of work) under the measurements and changes the data.
      // Measured apart (retention-bench.mts); set RETENTION_INTERVAL_MINUTES to have it anyway.
      RETENTION_INTERVAL_MINUTES: process.env.RETENTION_INTERVAL_MINUTES ?? '0',
    },
  });
  // Keep the server's output for the report of a failure; errors are worth seeing at once.
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(`[next] ${chunk.toString()}`);
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timeout = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timeout);
  };

  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`next start exited during start-up:\n${output.join('')}`);
    try {
      await (await fetch(`${url}/login`, { redirect: 'manual' })).arrayBuffer();
      log(`app: next start on ${url} (pid ${child.pid})`);
      return { url, pid: child.pid, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  await stop();
  throw new Error('next start did not answer within two minutes');
}
