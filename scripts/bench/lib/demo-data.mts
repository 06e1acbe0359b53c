// Whether a database holds only demo data — what the normal seed, the profiles and the
// benchmarks write — before a profile adds millions of generated rows to it. Anything else
// (a user who is not a demo account, a traveller no generator wrote, a watchlist the seed
// does not know) means someone's real or hand-made data: the profile refuses unless forced.
import type pg from 'pg';
import { DEMO_USERS } from '../../../prisma/demo-users.ts';

// externalRef of the travellers each generator writes: the normal seed (prisma/seed-travellers.ts),
// scale-data.mts, the load script's and `npm run bench`'s decision pool (decision-pool.mts), the
// screening benchmark (screening-ops.mts: `B<base 36>-S…` and `-H…`).
const GENERATED_TRAVELLERS = ['PNR-%', 'SCALE-%', 'load-%', 'B%-S%', 'B%-H%'];
const DEMO_SOURCES = ['OFAC-SDN', 'NATIONAL-ALERTS', 'SIS-LIKE'];

/** Sentences naming what is not demo data; empty when everything is. */
export async function nonDemoData(client: pg.Client): Promise<string[]> {
  const reasons: string[] = [];
  const users = await client.query<{ email: string; n: string }>(
    `SELECT email, count(*) OVER ()::text AS n FROM "User" WHERE NOT (email = ANY ($1::text[])) ORDER BY email LIMIT 3`,
    [DEMO_USERS.map((user) => user.email)],
  );
  if (users.rows.length > 0) {
    reasons.push(`${users.rows[0]?.n} user(s) that are not demo accounts (${users.rows.map((row) => row.email).join(', ')}${Number(users.rows[0]?.n) > 3 ? ', …' : ''})`);
  }
  const travellers = await client.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM "Traveller" WHERE "externalRef" IS NULL OR NOT ("externalRef" LIKE ANY ($1::text[]))`,
    [GENERATED_TRAVELLERS],
  );
  const others = Number(travellers.rows[0]?.n ?? 0);
  if (others > 0) reasons.push(`${others.toLocaleString('en')} traveller(s) that no seed or benchmark wrote`);
  const sources = await client.query<{ code: string }>(`SELECT code FROM "WatchlistSource" WHERE NOT (code = ANY ($1::text[])) ORDER BY code LIMIT 5`, [DEMO_SOURCES]);
  if (sources.rows.length > 0) reasons.push(`watchlist(s) the seed does not write (${sources.rows.map((row) => row.code).join(', ')})`);
  return reasons;
}
