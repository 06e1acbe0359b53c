// The JavaScript work of one POST /api/v1/hits of 5,000 hits, phase by phase (CPU time of this process), without a
// database: what the app adds per hit on top of the INSERTs (issue 11). Run with
// `tsx --conditions=react-server scripts/bench/ingest-phases.mts [hits] [rounds]`.
import { createHash } from 'node:crypto';
import { externalHitsRequestSchema } from '../../lib/schemas/ingest.ts';
import { explainEntryPair } from '../../server/ingest/hits/explain-entry-pair.ts';
import { FREE_TEXT_FIELDS, removeSensitiveData } from '../../server/ingest/sensitive-data/filter.ts';
import { identityKey } from '../../server/screening/identity-key.ts';
import { hitPriority } from '../../server/hits/hit-priority.ts';
import { contentHash } from '../../server/access-log/chain.ts';
import { seededRandom } from '../../server/screening/seeded-random.ts';
import { listedPersonTraveller } from '../../server/screening/labelled-set.ts';
import { VARIANT_KINDS } from '../../server/screening/name-variants.ts';
import { loadSdnEntries } from './lib/screening-engine-run.mts';
import { travellerInput } from './lib/screening-ops.mts';

const count = Number(process.argv[2] ?? 5000);
const rounds = Number(process.argv[3] ?? 3);
const entries = loadSdnEntries().filter((e) => e.type === 'INDIVIDUAL');
const byId = new Map(entries.map((e) => [e.id, e]));
const random = seededRandom(7);
const hits: Record<string, unknown>[] = [];
while (hits.length < count) {
  const entry = random.pick(entries);
  const person = listedPersonTraveller(entry, random.pick(VARIANT_KINDS), random);
  if (!person || !person.familyName) continue;
  hits.push({ traveller: travellerInput(person, random, `X-H${hits.length}`), entry: { source: 'OFAC-SDN', externalId: entry.id }, score: 0.8 });
}
const body = JSON.stringify({ externalRef: 'x', hits });
console.log(`${count} hits, body ${(body.length / 1e6).toFixed(2)} MB`);

function time<T>(label: string, fn: () => T, sink: Map<string, number[]>): T {
  const started = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  sink.set(label, [...(sink.get(label) ?? []), ms]);
  return value;
}

for (let round = 0; round < rounds; round++) {
  const t = new Map<string, number[]>();
  const raw = time('JSON.parse', () => JSON.parse(body), t);
  const parsed = time('zod', () => externalHitsRequestSchema.parse(raw), t);
  time('fingerprint', () => createHash('sha256').update(JSON.stringify(parsed)).digest('hex'), t);
  const stored = time('sensitive filter', () => parsed.hits.map((h) => removeSensitiveData(h.traveller, FREE_TEXT_FIELDS)), t);
  const explanations = time('explainEntryPair', () => parsed.hits.map((h, i) => {
    const tr = stored[i]!.traveller;
    const entry = byId.get(h.entry.externalId)!;
    return explainEntryPair({ familyName: tr.familyName ?? null, givenNames: tr.givenNames ?? null, dateOfBirth: tr.dateOfBirth ?? null, nationality: tr.nationality ?? null, documentNumber: tr.documentNumber ?? null }, entry);
  }), t);
  time('identityKey', () => parsed.hits.map((h) => identityKey({ familyName: h.traveller.familyName ?? null, givenNames: h.traveller.givenNames ?? null, dateOfBirth: h.traveller.dateOfBirth ?? null, documentNumber: h.traveller.documentNumber ?? null })), t);
  time('priority', () => explanations.map((e) => hitPriority(0.8, 'x', e)), t);
  time('rows JSON', () => JSON.stringify(stored.map((s) => s.traveller)) + JSON.stringify(explanations), t);
  time('events hash', () => {
    const at = new Date();
    const events = [];
    for (let i = 0; i < count * 2; i++) {
      const fields = { at, actorType: 'TOKEN', actorId: '00000000-0000-0000-0000-000000000000', actorLabel: 'token x', role: null, operation: 'COLLECTION', outcome: 'ALLOWED', resourceType: 'traveller', resourceId: `id${i}`, travellerId: null, purpose: 'p', recipient: null, requestId: 'r', ip: '127.0.0.1', userAgent: 'u', details: { screeningBatchId: 'b' } };
      events.push({ ...fields, contentHash: contentHash(fields) });
    }
    return JSON.stringify(events);
  }, t);
  console.log(`round ${round}: ${[...t].map(([k, v]) => `${k} ${v[0]!.toFixed(0)} ms`).join(', ')}`);
}
