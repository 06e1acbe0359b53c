// The two ingestion runs of the screening benchmark (screening.mts, run-all.mts): synthetic
// travellers through POST /api/v1/screenings, and an external engine's hits through
// POST /api/v1/hits, each sent once over closed-loop clients, then the bare INSERTs of the
// same rows straight through `pg` (rolled back) beside them. Both write to the database.
import type pg from 'pg';
import type { ScreeningEntry } from '../../../server/screening/screening-types.ts';
import { runLoad, type LoadResult } from './load.mts';
import {
  externalHitBodies, externalRows, insertLikeRequest, postJson, screeningBodies, screeningRows, type DirectContext, type PostAnswer,
} from './screening-ops.mts';
import { syntheticTravellers, type SyntheticTraveller } from './synthetic-travellers.mts';

export interface ApiRun {
  /** Per request (batch), in ms. */
  http: LoadResult;
  /** The same rows inserted set-based, rolled back, per batch. */
  direct: LoadResult | null;
  items: number;
  batches: number;
  itemsPerSecond: number;
  directItemsPerSecond: number | null;
  hitsCreated: number;
  warmupMs: number;
  /** Seconds after the last answer until the chainer had linked every access event. */
  chainDrainSeconds: number | null;
}

export interface ScreeningsRun extends ApiRun {
  travellersHit: number;
  hitRate: number;
  listed: number;
  listedFound: number;
}

export interface IngestContext {
  appUrl: string;
  secret: string;
  pool: pg.Pool;
  direct: DirectContext;
  clients: number;
  /** The source's code (the SDN list: OFAC-SDN) and its entries as the engine indexes them. */
  source: string;
  entries: readonly ScreeningEntry[];
  tag: string;
  seed: number;
  skipDirect: boolean;
  log: (message: string) => void;
}

/** Sends every body once over `clients` closed-loop clients; keeps the answers by position. */
async function postAll(url: string, secret: string, bodies: readonly string[], clients: number): Promise<{ result: LoadResult; answers: PostAnswer[] }> {
  const answers: PostAnswer[] = [];
  const result = await runLoad(async (_, i) => {
    answers[i] = await postJson(url, secret, bodies[i] as string);
  }, { clients, requests: bodies.length });
  return { result, answers };
}

/** Waits until the chainer has linked every pending access event (at most two minutes). */
async function chainDrain(client: pg.Pool): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < 120_000) {
    const pending = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM "AccessEventPending"')).rows[0]?.n ?? 0);
    if (pending === 0) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

/** The travellers of `traffic` screened through the API against the source, in batches of `batchSize`. */
export async function runScreenings(ctx: IngestContext, traffic: readonly SyntheticTraveller[], batchSize: number, listedRate: number): Promise<ScreeningsRun> {
  const { log, clients } = ctx;
  const url = `${ctx.appUrl}/api/v1/screenings`;
  const bodies = screeningBodies(traffic.map((t) => t.traveller), batchSize, [ctx.source], ctx.tag, ctx.seed);
  // The first request builds the SDN index in the server; it is timed on its own.
  const warm = screeningBodies(syntheticTravellers(batchSize, ctx.entries, { seed: ctx.seed + 1, listedRate }).map((t) => t.traveller), batchSize, [ctx.source], `${ctx.tag}W`, ctx.seed + 1);
  log(`screenings: warm-up request (${batchSize.toLocaleString('en')} travellers; builds the server's index)`);
  const warmStarted = performance.now();
  await postJson(url, ctx.secret, warm[0] as string);
  const warmupMs = performance.now() - warmStarted;
  log(`screenings: POST ${bodies.length.toLocaleString('en')} × ${batchSize.toLocaleString('en')} travellers, ${clients} clients`);
  const { result, answers } = await postAll(url, ctx.secret, bodies, clients);
  const chainDrainSeconds = await chainDrain(ctx.pool);
  let hitsCreated = 0;
  const hitTravellers = new Set<number>();
  answers.forEach((answer, b) => {
    hitsCreated += answer?.hitsCreated ?? 0;
    for (const hit of answer?.hits ?? []) hitTravellers.add(b * batchSize + hit.travellerIndex);
  });
  const found = new Set(answers.flatMap((answer, b) => (answer?.hits ?? []).map((hit) => `${b * batchSize + hit.travellerIndex}:${hit.entry.externalId}`)));
  let listed = 0;
  let listedFound = 0;
  traffic.forEach((t, i) => {
    if (t.listedEntryId === null) return;
    listed += 1;
    if (found.has(`${i}:${t.listedEntryId}`)) listedFound += 1;
  });
  let direct: LoadResult | null = null;
  if (!ctx.skipDirect) {
    log('screenings: the same rows as bare INSERTs');
    direct = await runLoad(async (_, i) => {
      const { travellers, hits } = screeningRows(bodies[i] as string, answers[i]);
      await insertLikeRequest(ctx.pool, ctx.direct, travellers, hits, 'traveller');
    }, { clients, requests: bodies.length });
  }
  return {
    http: result, direct, items: traffic.length, batches: bodies.length, itemsPerSecond: (result.count * batchSize) / result.seconds,
    directItemsPerSecond: direct ? (direct.count * batchSize) / direct.seconds : null, hitsCreated, warmupMs, chainDrainSeconds,
    travellersHit: hitTravellers.size, hitRate: hitTravellers.size / traffic.length, listed, listedFound,
  };
}

/** `hitCount` hits of listed individuals under variant names through the API, in batches of `hitBatchSize`. */
export async function runExternalHits(ctx: IngestContext, hitCount: number, hitBatchSize: number): Promise<ApiRun> {
  const { log, clients } = ctx;
  const url = `${ctx.appUrl}/api/v1/hits`;
  const individuals = ctx.entries.filter((entry) => entry.type === 'INDIVIDUAL' && ctx.direct.entries.has(entry.id));
  const plan = externalHitBodies(individuals, hitCount, hitBatchSize, ctx.source, ctx.tag, ctx.seed);
  const warm = externalHitBodies(individuals, Math.min(500, hitBatchSize), hitBatchSize, ctx.source, `${ctx.tag}W`, ctx.seed + 1);
  log(`external hits: warm-up request (${(warm.sizes[0] ?? 0).toLocaleString('en')} hits)`);
  const warmStarted = performance.now();
  await postJson(url, ctx.secret, warm.bodies[0] as string);
  const warmupMs = performance.now() - warmStarted;
  log(`external hits: POST ${plan.bodies.length.toLocaleString('en')} × up to ${hitBatchSize.toLocaleString('en')} hits, ${clients} clients`);
  const { result, answers } = await postAll(url, ctx.secret, plan.bodies, clients);
  const chainDrainSeconds = await chainDrain(ctx.pool);
  const sent = result.errors === 0 ? hitCount : answers.reduce((sum, answer, i) => sum + (answer ? (plan.sizes[i] ?? 0) : 0), 0);
  let direct: LoadResult | null = null;
  if (!ctx.skipDirect) {
    log('external hits: the same rows as bare INSERTs');
    direct = await runLoad(async (_, i) => {
      const { travellers, hits } = externalRows(plan.bodies[i] as string);
      await insertLikeRequest(ctx.pool, ctx.direct, travellers, hits, 'hit');
    }, { clients, requests: plan.bodies.length });
  }
  return {
    http: result, direct, items: hitCount, batches: plan.bodies.length, itemsPerSecond: sent / result.seconds,
    directItemsPerSecond: direct ? (direct.count * hitBatchSize) / direct.seconds : null,
    hitsCreated: answers.reduce((sum, answer) => sum + (answer?.hitsCreated ?? 0), 0), warmupMs, chainDrainSeconds,
  };
}
