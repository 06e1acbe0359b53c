// Undecided hits for the load script's decision step. A decision consumes its hit (a second
// one on it is a 409), so each request needs a fresh one: they are submitted beforehand the way
// an external screening engine sends them (POST /api/v1/hits with a `hits:write` token the
// administrator creates through the API), and handed out one per request. New hits have version 1.
import { send as sendHttp } from './http-client.mts';
import { randomBytes } from 'node:crypto';
import type { HttpSession } from './session.mts';

const BATCH = 5000; // MAX_EXTERNAL_HITS_PER_REQUEST

export interface HitSubmitter {
  baseUrl: string;
  tokenId: string;
  secret: string;
  entry: { source: string; externalId: string };
}

async function send(session: HttpSession, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const { status, text } = await sendHttp(`${session.baseUrl}${path}`, {
    method,
    // A state-changing request with the session cookie must name our own origin.
    headers: { cookie: session.cookie, accept: 'application/json', origin: new URL(session.baseUrl).origin, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (status < 200 || status > 299) throw new Error(`${method} ${path} answered ${status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/** A day's `hits:write` token (created by `admin`) and the watchlist entry hit `sampleHitId` names (read by `analyst`). */
export async function openSubmitter(admin: HttpSession, analyst: HttpSession, sampleHitId: string): Promise<HitSubmitter> {
  const detail = (await send(analyst, 'GET', `/api/v1/hits/${sampleHitId}`)) as { entry: { sourceCode: string; externalId: string } };
  const created = (await send(admin, 'POST', '/api/v1/api-tokens', { name: 'load benchmark', scopes: ['hits:write'], expiresInDays: 1 })) as { token: { id: string }; secret: string };
  return { baseUrl: admin.baseUrl, tokenId: created.token.id, secret: created.secret, entry: { source: detail.entry.sourceCode, externalId: detail.entry.externalId } };
}

export async function closeSubmitter(admin: HttpSession, submitter: HitSubmitter): Promise<void> {
  await send(admin, 'POST', `/api/v1/api-tokens/${submitter.tokenId}/revoke`);
}

/** Letters only, so names pass as names: 0 → A, 25 → Z, 26 → BA … */
function letters(n: number): string {
  let text = '';
  do {
    text = String.fromCharCode(65 + (n % 26)) + text;
    n = Math.floor(n / 26);
  } while (n > 0);
  return text;
}

/** Submits `count` new hits, each with its own traveller; answers their ids. */
export async function submitHits(submitter: HitSubmitter, count: number): Promise<string[]> {
  const run = letters(randomBytes(4).readUInt32BE(0));
  const flightDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const ids: string[] = [];
  for (let from = 0; from < count; from += BATCH) {
    const hits = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => ({
      traveller: {
        externalRef: `load-${run}-${from + k}`,
        familyName: `LOADBENCH ${run}`,
        givenNames: `PROBE ${letters(from + k)}`,
        dateOfBirth: '1970-01-01',
        nationality: 'DEU',
        flightNumber: 'LH400',
        flightDate,
        departureAirport: 'FRA',
        arrivalAirport: 'JFK',
      },
      entry: submitter.entry,
      score: 0.9,
    }));
    const { status, text } = await sendHttp(`${submitter.baseUrl}/api/v1/hits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${submitter.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ externalRef: `load-${run}-${from}`, hits }),
    });
    if (status !== 201) throw new Error(`POST /api/v1/hits answered ${status}: ${text.slice(0, 300)}`);
    ids.push(...(JSON.parse(text) as { hits: { id: string }[] }).hits.map((hit) => hit.id));
  }
  return ids;
}

/** Hands out each hit once; `take()` answers undefined when none is left. */
export class DecisionPool {
  private next = 0;
  constructor(private readonly ids: readonly string[]) {}

  take(): string | undefined {
    return this.ids[this.next++];
  }

  get used(): number {
    return Math.min(this.next, this.ids.length);
  }
}
