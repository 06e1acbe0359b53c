// The access events a scale load writes (access-log-data.mts), generated apart from the
// database so that worker threads (access-log-worker.mts) can make them while the main thread
// links the chain and streams to PostgreSQL: five years of what the app writes (queue pages,
// hit details, reveals, collection and screening, decisions, a few disclosures, denials and
// logins), by the existing users, about the existing travellers, `at` rising with seq.
// The events come in segments, each drawn from its own seed, so they are the same whichever
// worker makes a segment.
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, contentHash } from '../../../server/access-log/chain.ts';
import { copyFields } from './copy-text.mts';
import { fractionAt, timeAt, type Timeline } from './seasonality.mts';

const NEAR_MS = 3 * 24 * 3600 * 1000; // an event is about a traveller collected up to 3 days before
/** Events per segment: the unit a worker makes at once (a transaction holds whole segments). */
export const SEGMENT = 100_000;

export type Actor = { actorType: 'USER' | 'TOKEN'; actorId: string | null; actorLabel: string; role: string | null; ip: string; userAgent: string };
export interface Event {
  at: Date; actorType: string; actorId: string | null; actorLabel: string | null; role: string | null; operation: string; outcome: string;
  resourceType: string; resourceId: string | null; travellerId: string | null; purpose: string | null; recipient: string | null;
  requestId: string | null; ip: string | null; userAgent: string | null; details: Record<string, unknown> | null;
}
export interface Traveller { ids: string[]; hits: string[]; sources: string[]; collected: Float64Array }
export interface Context {
  travellers: Traveller; users: Record<'analyst' | 'supervisor' | 'privacy' | 'all', Actor[]>; feeds: Actor[]; recipients: string[];
  /** Chance of each kind of request (requestWeights). */
  weights: number[];
}

const REVEAL = [['familyName', 'Family name'], ['dateOfBirth', 'Date of birth'], ['documentNumber', 'Document number'], ['contactEmail', 'Email'], ['paymentSummary', 'Payment']] as const;
const REVEAL_PURPOSES = [['IDENTITY_COMPARISON', 'Compare identity with the watchlist entry'], ['DOCUMENT_CHECK', 'Check the travel document'], ['CONTACT_VERIFICATION', 'Verify contact or booking details']] as const;
const CHANGES = [['CLAIMED', 'IN_REVIEW'], ['CLEARED', 'CLEARED'], ['CLEARED', 'CLEARED'], ['CLEARED', 'CLEARED'], ['CONFIRMED', 'CONFIRMED'], ['NOTE', null]] as const;
export const AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0'];

/** Mulberry32: fast, seedable, good enough to pick cases. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Kinds of request, by share of all events (the default), and how many events one request writes. */
const KINDS = [
  { kind: 'queue', share: 0.6, size: [20, 50] }, { kind: 'detail', share: 0.12, size: [1, 1] }, { kind: 'reveal', share: 0.02, size: [1, 1] },
  { kind: 'collection', share: 0.1, size: [20, 200] }, { kind: 'combination', share: 0.08, size: [1, 5] }, { kind: 'alteration', share: 0.05, size: [1, 1] },
  { kind: 'escalation', share: 0.01, size: [1, 1] }, { kind: 'disclosure', share: 0.003, size: [1, 1] }, { kind: 'search', share: 0.003, size: [1, 1] },
  { kind: 'login', share: 0.01, size: [1, 1] }, { kind: 'failed', share: 0.001, size: [1, 1] }, { kind: 'denied', share: 0.002, size: [1, 1] },
] as const;
export type Kind = (typeof KINDS)[number]['kind'];

/** Per kind, the chance that a request is of that kind, so that events come in the given shares. */
export function requestWeights(shares: Partial<Record<Kind, number>> = {}): number[] {
  const weights = KINDS.map((k) => (shares[k.kind] ?? k.share) / ((k.size[0] + k.size[1]) / 2));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** One request's events, all at `at` with one requestId. */
function request(ctx: Context, rnd: () => number, at: Date, requestId: string, max: number): Event[] {
  let r = rnd();
  const index = ctx.weights.findIndex((w) => (r -= w) < 0);
  const spec = KINDS[index < 0 ? 0 : index] ?? KINDS[0];
  const kind: Kind = spec.kind;
  const size = Math.min(max, spec.size[0] + Math.floor(rnd() * (spec.size[1] - spec.size[0] + 1)));
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const worker = rnd() < 0.75 ? pick(ctx.users.analyst) : pick(ctx.users.supervisor);
  const actor = kind === 'collection' || kind === 'combination' ? pick(ctx.feeds)
    : kind === 'escalation' || kind === 'disclosure' ? pick(ctx.users.supervisor)
      : kind === 'search' ? pick(ctx.users.privacy) : kind === 'login' || kind === 'failed' ? pick(ctx.users.all) : worker;
  // Travellers collected in the three days before `at` (the queue's neighbours for a page).
  const { collected } = ctx.travellers;
  const lo = lowerBound(collected, at.getTime() - NEAR_MS);
  const hi = lowerBound(collected, at.getTime() + 1);
  const start = hi > lo ? lo + Math.floor(rnd() * (hi - lo)) : Math.floor(rnd() * collected.length);
  const base = { at, ...actor, outcome: 'ALLOWED', requestId, recipient: null, resourceId: null, travellerId: null, purpose: null, details: null };
  return Array.from({ length: size }, (_, k): Event => {
    const t = (start + k) % collected.length;
    const travellerId = ctx.travellers.ids[t] as string;
    const hitId = ctx.travellers.hits[t] as string;
    const hit = { resourceType: 'hit', resourceId: hitId, travellerId };
    switch (kind) {
      case 'queue':
        return { ...base, operation: 'CONSULTATION', ...hit, purpose: 'Hit queue review', details: { view: 'hit-list', fields: ['name:masked', 'nationality', 'yearOfBirth', 'flight'] } };
      case 'detail':
        return { ...base, operation: 'CONSULTATION', ...hit, purpose: 'Hit review', details: { view: 'hit-detail', fields: 'masked' } };
      case 'reveal': {
        const [field, label] = pick(REVEAL);
        const [purposeCode, purpose] = pick(REVEAL_PURPOSES);
        return { ...base, operation: 'CONSULTATION', ...hit, purpose, details: { view: 'reveal', field, label, purposeCode } };
      }
      case 'collection':
        return { ...base, operation: 'COLLECTION', resourceType: 'traveller', resourceId: travellerId, travellerId, purpose: 'PNR art. 8: PNR and API data received from the air carrier' };
      case 'combination':
        return { ...base, operation: 'COMBINATION', ...hit, purpose: 'PNR art. 6(3)(a): comparison against relevant databases', details: { sourceCode: ctx.travellers.sources[t] } };
      case 'alteration': {
        const [change, toStatus] = pick(CHANGES);
        return { ...base, operation: 'ALTERATION', ...hit, details: toStatus ? { change, toStatus } : { change } };
      }
      case 'escalation':
        return { ...base, operation: 'CONSULTATION', resourceType: 'escalation', resourceId: randomUUID(), travellerId, purpose: 'Escalation review', details: { view: 'escalation-detail', hitId, fields: 'masked' } };
      case 'disclosure':
        return { ...base, operation: 'DISCLOSURE', resourceType: 'disclosure-package', resourceId: randomUUID(), travellerId, recipient: pick(ctx.recipients), purpose: 'Disclosure package downloaded', details: { escalationId: randomUUID(), use: 'download' } };
      case 'search':
        return { ...base, operation: 'CONSULTATION', resourceType: 'access-log', purpose: 'Access log search', details: { filters: ['actor', 'from', 'to'], found: null, shown: 100 } };
      case 'login':
        return { ...base, operation: 'LOGIN', resourceType: 'session' };
      case 'failed':
        return { ...base, operation: 'LOGIN_FAILED', outcome: 'FAILED', actorId: null, role: null, resourceType: 'session', details: { reason: 'wrong-password' } };
      case 'denied':
        return { ...base, operation: 'DENIED', outcome: 'DENIED', resourceType: 'escalation', resourceId: randomUUID(), details: { permission: 'escalations.approve' } };
    }
  });
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// contentHash() of chain.ts, without its generic key sorting: the keys in canonical order once,
// the values as canonicalJson writes them. Checked against contentHash() every CHECK_EVERY events.
const KEYS = ['at', 'actorType', 'actorId', 'actorLabel', 'role', 'operation', 'outcome', 'resourceType', 'resourceId', 'travellerId',
  'purpose', 'recipient', 'requestId', 'ip', 'userAgent', 'details'].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) as (keyof Event)[];
const PREFIXES = KEYS.map((key, i) => `${i === 0 ? '{' : ','}${JSON.stringify(key)}:`);
function fastContentHash(event: Event): string {
  let text = '';
  KEYS.forEach((key, i) => {
    const value = event[key];
    text += PREFIXES[i] + (value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value));
  });
  return createHash('sha256').update(`${text}}`).digest('hex');
}


/** Everything a worker needs to make any segment of one load. */
export interface GeneratorInput {
  ctx: Context;
  /** The log's lastSeq before the load; event i (from 0) gets seq before + i + 1. */
  before: number;
  count: number;
  /** Where the events run, in ms: from `from` to `now`, along the timeline's traffic when given. */
  from: number;
  now: number;
  timeline?: Timeline;
}

/** A segment as COPY text without the chain columns: one line per event (no newline), and each event's content hash. */
export interface SegmentRows {
  segment: number;
  /** The lines joined by newlines; each lacks the trailing prevHash and hash columns. */
  lines: string;
  /** The content hashes, 64 hex characters each, one after the other. */
  contents: string;
}

// Checked against chain.ts's contentHash() every CHECK_EVERY events.
const CHECK_EVERY = 997;

/** Segment `segment` of the load: events SEGMENT × segment up to the next segment or the end. */
export function segmentRows(input: GeneratorInput, segment: number): SegmentRows {
  const { ctx, before, count, from, now, timeline } = input;
  const first = segment * SEGMENT;
  const end = Math.min(count, first + SEGMENT);
  const step = (now - from) / count;
  // With a timeline, event i sits at its share of the traffic from `from` to now, so busy days get more.
  const fromFraction = timeline ? fractionAt(timeline, from) : 0;
  const atOf = (i: number): number => (timeline ? Math.max(from, Math.floor(timeAt(timeline, fromFraction + (i / count) * (1 - fromFraction)))) : Math.floor(from + i * step));
  const rnd = random(before + first + 1);
  const lines: string[] = [];
  let contents = '';
  let pending: Event[] = [];
  for (let i = first; i < end; i += 1) {
    const seq = before + i + 1;
    // A request's events stay within the segment.
    if (pending.length === 0) pending = request(ctx, rnd, new Date(atOf(i)), `scale-${seq}`, end - i).reverse();
    const event = pending.pop() as Event;
    const content = fastContentHash(event);
    if (i % CHECK_EVERY === 0 && content !== contentHash(event)) throw new Error(`access-log-data: content hash of event ${seq} differs from chain.ts`);
    contents += content;
    lines.push(copyFields([
      String(seq), event.at.toISOString(), event.actorType, event.actorId, event.actorLabel, event.role,
      event.operation, event.outcome, event.resourceType, event.resourceId, event.travellerId,
      event.purpose, event.recipient, event.requestId, event.ip, event.userAgent,
      event.details === null ? null : JSON.stringify(event.details),
    ]));
  }
  return { segment, lines: lines.join('\n'), contents };
}
