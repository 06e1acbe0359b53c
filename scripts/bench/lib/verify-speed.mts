// The speed of verifying the access log's hash chain: verifyChain() over the whole log, or
// with a time limit over the part walked until then (access-log.mts and run-all.mts).
import type { PrismaClient } from '../../../generated/prisma/client.ts';
import { verifyChain } from '../../../server/access-log/verify.ts';

export interface Verification { events: number; seconds: number; eventsPerSecond: number; whole: boolean; intact: boolean | null }

/** Walks the chain with verifyChain(); with a limit (ms, 0: none), stops after it and reports the part walked. */
export async function measureVerification(prisma: PrismaClient, limitMs: number, log: (message: string) => void): Promise<Verification> {
  const started = performance.now();
  let checked = 0;
  let lastLog = started;
  const stop = new Error('verification time limit');
  try {
    const result = await verifyChain(prisma, {
      onProgress: (n) => {
        checked = n;
        const now = performance.now();
        if (now - lastLog > 10_000) {
          lastLog = now;
          log(`verify: ${n.toLocaleString('en')} events checked…`);
        }
        if (limitMs > 0 && now - started > limitMs) throw stop;
      },
    });
    if (!result.intact) log(`verify: BROKEN: ${result.firstBroken?.message ?? ''}`);
    return { events: result.checked, seconds: result.durationMs / 1000, eventsPerSecond: result.eventsPerSecond, whole: true, intact: result.intact };
  } catch (error) {
    if (error !== stop) throw error;
    const seconds = (performance.now() - started) / 1000;
    return { events: checked, seconds, eventsPerSecond: Math.round(checked / seconds), whole: false, intact: null };
  }
}
