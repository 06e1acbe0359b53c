// The screening engine measured on its own: the index over OFAC's SDN list, then synthetic
// travellers screened on one thread. Pure engine, no database, no HTTP. Shared by the
// engine benchmark (screening-engine.mts) and the screening benchmark (screening.mts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSdnCsv } from '../../../server/ingest/ofac/parse-sdn.ts';
import { documentKeyOf, travellerNameTokens } from '../../../server/screening/compare-pair.ts';
import { findCandidates } from '../../../server/screening/find-candidates.ts';
import { buildScreeningIndex, DEFAULT_SCREENING_THRESHOLDS, screenTraveller, type ScreeningIndex, type ScreeningIndexStats, type ScreeningMatch } from '../../../server/screening/screen.ts';
import type { ScreeningEntry } from '../../../server/screening/screening-types.ts';
import { screeningEntryFromSdn } from '../../../server/screening/sdn-screening-entry.ts';
import { summarize, type LatencySummary } from './stats.mts';
import { syntheticTravellers, type SyntheticTraveller } from './synthetic-travellers.mts';

export const ENGINE_TARGET_PER_SECOND = 2000;
export const SDN_PATH = path.join(import.meta.dirname, '../../../prisma/data/ofac-sdn-2024-05-03/sdn.csv');

export interface EngineOptions {
  travellers: number;
  seed: number;
  /** Share of travellers who are listed individuals under a variant name. */
  listedRate: number;
}

export interface EngineFigures {
  entries: number;
  index: ScreeningIndexStats;
  buildMs: number;
  heapMiB: number;
  travellers: number;
  screenMs: number;
  perSecond: number;
  cpuMicrosPerTraveller: number;
  /** Per traveller, in microseconds. */
  latency: LatencySummary;
  candidatesPerTraveller: number;
  travellersHit: number;
  hits: number;
  hitRate: number;
  listed: number;
  listedFound: number;
  byTradition: Record<string, { travellers: number; hit: number }>;
  target: number;
  met: boolean;
}

export interface EngineRun {
  figures: EngineFigures;
  entries: ScreeningEntry[];
  index: ScreeningIndex;
  traffic: SyntheticTraveller[];
}

/** Every entry of the vendored SDN snapshot, as the engine reads entries. */
export function loadSdnEntries(): ScreeningEntry[] {
  return parseSdnCsv(readFileSync(SDN_PATH, 'utf8')).entries.map((entry) => screeningEntryFromSdn(entry));
}

/** Builds the index, screens `travellers` synthetic travellers once (after a warm-up) and counts. */
export function measureEngine(options: EngineOptions, entries: ScreeningEntry[] = loadSdnEntries()): EngineRun {
  const count = options.travellers;
  let started = performance.now();
  const index = buildScreeningIndex(entries);
  const buildMs = performance.now() - started;
  const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;

  const traffic = syntheticTravellers(count, entries, { seed: options.seed, listedRate: options.listedRate });
  // Warm-up so that the figure is the steady state of a long-running screening service.
  for (const { traveller } of traffic.slice(0, Math.min(2000, count))) screenTraveller(traveller, index);

  const latencies = new Float64Array(count);
  const matchesOf: ScreeningMatch[][] = [];
  const cpuBefore = process.cpuUsage();
  started = performance.now();
  traffic.forEach(({ traveller }, i) => {
    const at = performance.now();
    matchesOf.push(screenTraveller(traveller, index, DEFAULT_SCREENING_THRESHOLDS));
    latencies[i] = performance.now() - at;
  });
  const screenMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const perSecond = count / (screenMs / 1000);

  // Candidates counted in a separate, untimed pass: what blocking leaves to compare.
  let candidates = 0;
  for (const { traveller } of traffic) candidates += findCandidates(index, travellerNameTokens(traveller), documentKeyOf(traveller)).length;

  let travellersHit = 0;
  let hits = 0;
  let listed = 0;
  let listedFound = 0;
  const byTradition: Record<string, { travellers: number; hit: number }> = {};
  traffic.forEach(({ tradition, listedEntryId }, i) => {
    const matches = matchesOf[i] ?? [];
    hits += matches.length;
    if (matches.length > 0) travellersHit += 1;
    const group = (byTradition[tradition] ??= { travellers: 0, hit: 0 });
    group.travellers += 1;
    if (matches.length > 0) group.hit += 1;
    if (listedEntryId !== null) {
      listed += 1;
      if (matches.some((match) => match.entryId === listedEntryId)) listedFound += 1;
    }
  });

  return {
    figures: {
      entries: entries.length,
      index: index.stats,
      buildMs,
      heapMiB,
      travellers: count,
      screenMs,
      perSecond,
      cpuMicrosPerTraveller: (cpu.user + cpu.system) / count,
      latency: summarize([...latencies].map((ms) => ms * 1000)),
      candidatesPerTraveller: candidates / count,
      travellersHit,
      hits,
      hitRate: travellersHit / count,
      listed,
      listedFound,
      byTradition,
      target: ENGINE_TARGET_PER_SECOND,
      met: perSecond >= ENGINE_TARGET_PER_SECOND,
    },
    entries,
    index,
    traffic,
  };
}

export const number = (value: number, digits = 0) => value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const percent = (part: number, whole: number, digits = 2) => `${whole === 0 ? '—' : number((100 * part) / whole, digits)} %`;

export function printEngineFigures(f: EngineFigures, log: (line: string) => void = console.log): void {
  const { index: stats } = f;
  log(`SDN list: ${number(f.entries)} entries; indexed ${number(stats.entriesIndexed)} individuals (${number(stats.entriesSkipped)} entities, vessels, aircraft skipped), ${number(stats.names)} names and aliases, ${number(stats.blockingKeys)} blocking keys`);
  log(`index built in ${number(f.buildMs)} ms; heap ${number(f.heapMiB)} MiB`);
  log(`\nscreened ${number(f.travellers)} travellers in ${number(f.screenMs)} ms on one thread: ${number(f.perSecond)} travellers/s (target ${number(f.target)}/s on 2 cores: ${f.met ? 'met' : 'NOT met'})`);
  log(`CPU time ${number(f.cpuMicrosPerTraveller, 1)} µs per traveller; latency per traveller p50 ${number(f.latency.p50, 0)} µs, p99 ${number(f.latency.p99, 0)} µs, max ${number(f.latency.max / 1000, 1)} ms`);
  log(`thresholds: minScore ${DEFAULT_SCREENING_THRESHOLDS.minScore}, minNameSimilarity ${DEFAULT_SCREENING_THRESHOLDS.minNameSimilarity}`);
  log(`candidates compared per traveller: ${number(f.candidatesPerTraveller, 1)} of ${number(stats.entriesIndexed)} individuals`);
  log(`hit rate: ${percent(f.travellersHit, f.travellers)} of travellers (${number(f.hits)} hits); listed individuals injected: ${number(f.listed)}, found ${number(f.listedFound)} (${percent(f.listedFound, f.listed, 1)})`);
  log('hit rate by naming tradition (everyday names only; the engine never sees the tradition):');
  for (const [tradition, group] of Object.entries(f.byTradition).filter(([name]) => name !== 'listed').sort((a, b) => b[1].hit / b[1].travellers - a[1].hit / a[1].travellers)) {
    log(`  ${tradition.padEnd(24)} ${percent(group.hit, group.travellers).padStart(8)} of ${number(group.travellers)}`);
  }
}
