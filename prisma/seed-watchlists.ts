import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import type { SdnEntry } from '@/server/ingest/ofac/parse-sdn';
import { sdnEntryContent } from '@/server/ingest/ofac/sdn-entry-content';
import { entryContentHash } from '@/server/ingest/watchlists/entry-content';
import type { HitEntry } from './seed-hit-pairs';
import { insertRows } from './seed-insert';
import { CULTURES, type Culture } from './seed-names';
import type { EntryDob } from './seed-matching';
import { DAY_MS, rngFor, stableUuid, type Rng } from './seed-random';
import { passportNumber, randomIdentity, spell, type SeedWindow } from './seed-travellers';

export const SOURCE_CODES = ['OFAC-SDN', 'NATIONAL-ALERTS', 'SIS-LIKE'] as const;
export type SourceCode = (typeof SOURCE_CODES)[number];

export const SOURCES: Readonly<Record<SourceCode, Omit<Prisma.WatchlistSourceCreateManyInput, 'id'>>> = {
  'OFAC-SDN': {
    code: 'OFAC-SDN',
    name: 'OFAC Specially Designated Nationals (snapshot 2024-05-03)',
    description: 'US Treasury SDN list, imported from its public sdn.csv; used as a reference list of real name shapes.',
    defaultLegalBasis: 'Council Regulation / national transposition of UN/US sanctions (reference list)',
  },
  'NATIONAL-ALERTS': {
    code: 'NATIONAL-ALERTS',
    name: 'National alerts (synthetic)',
    description: 'Synthetic national watchlist of persons sought or under discreet check for serious crime or terrorism.',
    defaultLegalBasis: 'PNR art. 6(3)(a): comparison against relevant databases',
  },
  'SIS-LIKE': {
    code: 'SIS-LIKE',
    name: 'SIS-like alerts (synthetic)',
    description: 'Synthetic alerts shaped like Schengen Information System alerts for discreet and specific checks.',
    defaultLegalBasis: 'PNR art. 6(3)(a) with Regulation (EU) 2018/1862 art. 36 (discreet, inquiry and specific checks)',
  },
};

/** How many synthetic entries each synthetic list holds. */
export const SYNTHETIC_SIZES: Readonly<Record<Exclude<SourceCode, 'OFAC-SDN'>, number>> = {
  'NATIONAL-ALERTS': 400,
  'SIS-LIKE': 200,
};

export type EntryRow = Prisma.WatchlistEntryCreateManyInput & { id: string; externalId: string };

function entryRow(sourceCode: SourceCode, sourceId: string, row: Omit<EntryRow, 'id' | 'sourceId' | 'contentHash'>): EntryRow {
  const content = { ...row, familyName: row.familyName ?? null, givenNames: row.givenNames ?? null, remarks: row.remarks ?? null } as Parameters<typeof entryContentHash>[0];
  return { id: stableUuid('entry', sourceCode, row.externalId), sourceId, contentHash: entryContentHash(content), ...row };
}

export function ofacEntryRows(entries: readonly SdnEntry[], sourceId: string): EntryRow[] {
  return sdnEntryContent(entries, SOURCES['OFAC-SDN'].defaultLegalBasis).map((row) => entryRow('OFAC-SDN', sourceId, row));
}

const NICKNAMES = ['THE DOCTOR', 'EL FLACO', 'ABU HAMZA', 'THE ACCOUNTANT', 'DER SCHWEIZER', 'EL CHINO', 'ABU OMAR', 'THE TAILOR', 'KOSTA', 'BIG MO'];
// Categories that national lists hold most often weigh more; every one of the list occurs.
const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  terrorism: 8,
  'illicit trafficking in narcotic drugs and psychotropic substances': 10,
  'participation in a criminal organisation': 8,
  'trafficking in human beings': 5,
  'facilitation of unauthorised entry and residence': 6,
  'illicit trafficking in weapons, munitions and explosives': 5,
  'fraud, including that against the financial interests of the Union': 4,
  'laundering of the proceeds of crime and counterfeiting of currency, including the euro': 4,
  'computer-related crime/cybercrime': 3,
  'murder, grievous bodily injury': 3,
};
const ISSUING_STATES = ['DEU', 'FRA', 'ITA', 'ESP', 'NLD', 'BEL', 'AUT', 'POL', 'SWE', 'GRC'];

function variantAlias(rng: Rng, culture: Culture, familyName: string, givenNames: string) {
  const group = culture.family.find((g) => g.includes(familyName));
  const family = group && group.length > 1 ? rng.pick(group.filter((spelling) => spelling !== familyName)) : familyName;
  const given = givenNames
    .split(' ')
    .map((token) => {
      const g = [...culture.male, ...culture.female].find((names) => names.includes(token));
      return g ? spell(rng, g, 0.7) : token;
    })
    .join(' ');
  return { name: `${family}, ${given}`, quality: 'strong', kind: 'aka' };
}

function syntheticDob(rng: Rng, date: string): EntryDob {
  const precision = rng.weighted([['DAY', 70], ['YEAR', 20], ['MONTH', 10]] as const);
  if (precision === 'DAY') return { value: date, precision };
  if (precision === 'MONTH') return { value: date.slice(0, 7), precision };
  return rng.chance(0.3) ? { value: date.slice(0, 4), precision, to: String(Number(date.slice(0, 4)) + 2) } : { value: date.slice(0, 4), precision };
}

/** A synthetic list of individuals with names from many cultures and the Directive's offence categories. */
export function syntheticEntryRows(
  sourceCode: Exclude<SourceCode, 'OFAC-SDN'>,
  sourceId: string,
  categories: readonly string[],
  window: SeedWindow,
): EntryRow[] {
  const rows: EntryRow[] = [];
  const national = sourceCode === 'NATIONAL-ALERTS';
  for (let i = 0; i < SYNTHETIC_SIZES[sourceCode]; i++) {
    const rng = rngFor('entry', sourceCode, i);
    // Flatter than the travelling population: lists are not a sample of travellers.
    const culture = rng.weighted(CULTURES.map((c) => [c, c.weight + 5] as const));
    const person = randomIdentity(rng, culture, window.now.getUTCFullYear());
    if (Number(person.dateOfBirth.slice(0, 4)) > window.now.getUTCFullYear() - 18) {
      person.dateOfBirth = `${window.now.getUTCFullYear() - rng.int(20, 60)}${person.dateOfBirth.slice(4)}`.replace(/-02-29$/, '-02-28');
    }
    const aliases = [];
    if (rng.chance(0.35)) aliases.push(variantAlias(rng, culture, person.familyName, person.givenNames));
    if (rng.chance(0.15)) aliases.push({ name: rng.pick(NICKNAMES), quality: 'weak', kind: 'aka' });
    const nationalities = [person.nationality];
    if (rng.chance(0.1)) nationalities.push(rng.pick(ISSUING_STATES.filter((code) => code !== person.nationality)));
    const documents = rng.chance(0.4) ? [{ type: 'PASSPORT', number: passportNumber(rng, person.nationality), country: person.nationality }] : [];
    const externalId = `${national ? 'NA' : 'SIS'}-${String(i + 1).padStart(6, '0')}`;
    const state = rng.pick(ISSUING_STATES);
    rows.push(
      entryRow(sourceCode, sourceId, {
        externalId,
        type: 'INDIVIDUAL',
        primaryName: `${person.familyName}, ${person.givenNames}`,
        familyName: person.familyName,
        givenNames: person.givenNames,
        aliases,
        datesOfBirth: [{ ...syntheticDob(rng, person.dateOfBirth) }],
        nationalities,
        documents,
        programs: [],
        offenceCategory: rng.weighted(categories.map((category) => [category, CATEGORY_WEIGHTS[category] ?? 1] as const)),
        legalBasis: SOURCES[sourceCode].defaultLegalBasis,
        remarks: national
          ? `Alert ${externalId}; issued by ${rng.pick(['Bundeskriminalamt', 'Landeskriminalamt Hessen', 'Zollkriminalamt', 'Bundespolizei'])}`
          : `Discreet check (SIS Regulation art. 36); issuing state ${state}; alert ${externalId}`,
        expiresAt: new Date(window.firstDay.getTime() + rng.int(national ? 180 : 30, national ? 1460 : 365) * DAY_MS),
      }),
    );
  }
  return rows;
}

export async function writeSources(prisma: PrismaClient): Promise<{ ids: Record<SourceCode, string>; created: number }> {
  const { count } = await prisma.watchlistSource.createMany({
    data: SOURCE_CODES.map((code) => ({ id: stableUuid('source', code), ...SOURCES[code], lastImportedAt: new Date() })),
    skipDuplicates: true,
  });
  const rows = await prisma.watchlistSource.findMany({ where: { code: { in: [...SOURCE_CODES] } }, select: { id: true, code: true } });
  const ids = Object.fromEntries(rows.map((row) => [row.code, row.id])) as Record<SourceCode, string>;
  return { ids, created: count };
}

export async function writeEntries(prisma: PrismaClient, rows: readonly EntryRow[], chunkSize = 2000): Promise<number> {
  let created = 0;
  const now = new Date();
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize).map((row) => ({ version: 1, createdAt: now, updatedAt: now, ...row }));
    created += (await insertRows(prisma, 'WatchlistEntry', chunk)).length;
  }
  return created;
}

type Json = Prisma.JsonValue;
const objects = (value: Json): Prisma.JsonObject[] =>
  Array.isArray(value) ? value.filter((item): item is Prisma.JsonObject => typeof item === 'object' && item !== null && !Array.isArray(item)) : [];
const text = (value: Json | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;

/** The stored individuals of each list, as the hit planner reads them (ids as stored, in a stable order). */
export async function loadHitEntries(prisma: PrismaClient, sourceIds: Readonly<Record<SourceCode, string>>): Promise<Record<SourceCode, HitEntry[]>> {
  const result = { 'OFAC-SDN': [], 'NATIONAL-ALERTS': [], 'SIS-LIKE': [] } as Record<SourceCode, HitEntry[]>;
  for (const code of SOURCE_CODES) {
    const rows = await prisma.watchlistEntry.findMany({
      where: { sourceId: sourceIds[code], type: 'INDIVIDUAL', familyName: { not: null } },
      select: { id: true, sourceId: true, externalId: true, version: true, familyName: true, givenNames: true, aliases: true, datesOfBirth: true, nationalities: true, documents: true, offenceCategory: true },
      orderBy: { externalId: 'asc' },
    });
    result[code] = rows.map((row) => ({
      ...row,
      sourceCode: code,
      familyName: row.familyName ?? '',
      aliases: objects(row.aliases).flatMap((alias) => {
        const name = text(alias.name);
        return name ? [{ name, quality: text(alias.quality) }] : [];
      }),
      datesOfBirth: objects(row.datesOfBirth).flatMap((dob) => {
        const value = text(dob.value);
        const precision = PRECISIONS.find((p) => p === dob.precision);
        const to = text(dob.to);
        return value && precision ? [{ value, precision, ...(to ? { to } : {}) }] : [];
      }),
      documents: objects(row.documents).flatMap((document) => {
        const number = text(document.number);
        return number ? [{ number, type: text(document.type), country: text(document.country) ?? null }] : [];
      }),
    }));
  }
  return result;
}
