import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import type { Sex } from '@/generated/prisma/enums';
import { recordAccessEvents } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { insertRows } from './seed-insert';
import { normaliseName } from './seed-matching';
import { CULTURES, GERMAN_AIRPORTS, cultureOfNationality, type Culture, type NameGroup } from './seed-names';
import { DAY_MS, isoDay, rngFor, stableUuid, utcDay, type Rng } from './seed-random';

export interface SeedWindow {
  now: Date;
  days: number;
  /** UTC midnight of the first day of the window; the last day is now's. */
  firstDay: Date;
}

export function seedWindow(now: Date, days: number): SeedWindow {
  return { now, days, firstDay: new Date(utcDay(now).getTime() - (days - 1) * DAY_MS) };
}

/** Who the traveller is; a hit's traveller is built from (or near) a listed person. */
export interface TravellerIdentity {
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
  sex: Sex;
  nationality: string;
  documentNumber?: string;
}

export type TravellerRow = Prisma.TravellerCreateManyInput & {
  id: string;
  familyName: string;
  givenNames: string;
  nationality: string;
  documentNumber: string;
  collectedAt: Date;
  flightDate: Date;
};

const BOOKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const REMARKS = [
  'Requests aisle seat', 'Group booking: conference delegation', 'Rebooked after schedule change',
  'Contact via travel agent', 'Ticket reissued, name correction', 'Travelling with infant on lap',
];
const AGENCIES = ['Online travel agency', 'Reisebüro am Markt GmbH', 'Corporate travel desk', 'Airline website', 'Airline call centre'];

/** One spelling of a name group: usually the first, sometimes a variant. */
export function spell(rng: Rng, group: NameGroup, variantShare = 0.25): string {
  return group.length > 1 && rng.chance(variantShare) ? rng.pick(group.slice(1)) : (group[0] as string);
}

export function pickCulture(rng: Rng): Culture {
  return rng.weighted(CULTURES.map((culture) => [culture, culture.weight] as const));
}

export function randomIdentity(rng: Rng, culture: Culture, referenceYear: number, nationality?: string): TravellerIdentity {
  const sex: Sex = rng.chance(0.002) ? 'X' : rng.chance(0.5) ? 'M' : 'F';
  const pool = sex === 'F' || (sex === 'X' && rng.chance(0.5)) ? culture.female : culture.male;
  let familyName = spell(rng, rng.pick(culture.family));
  if (sex === 'F' && culture.feminine) familyName = culture.feminine(familyName);
  let givenNames = spell(rng, rng.pick(pool));
  if (rng.chance(0.2)) {
    const second = spell(rng, rng.pick(pool));
    if (second !== givenNames) givenNames = `${givenNames} ${second}`;
  }
  const age = rng.chance(0.05) ? rng.int(1, 17) : rng.int(18, 82);
  return {
    familyName,
    givenNames,
    dateOfBirth: randomDateInYear(rng, referenceYear - age),
    sex,
    nationality: nationality ?? rng.weighted(culture.nationalities.map((code, i) => [code, i === 0 ? 4 : 1] as const)),
  };
}

export function randomDateInYear(rng: Rng, year: number, month?: number): string {
  const start = Date.UTC(year, month === undefined ? 0 : month - 1, 1);
  const end = month === undefined ? Date.UTC(year + 1, 0, 1) : Date.UTC(year, month, 1);
  return isoDay(new Date(start + rng.int(0, Math.round((end - start) / DAY_MS) - 1) * DAY_MS));
}

function asciiName(value: string): string {
  return normaliseName(value).toLowerCase().replace(/ /g, '');
}

export function passportNumber(rng: Rng, nationality: string): string {
  if (nationality === 'DEU') return `C${rng.chars('CFGHJKLMNPRTVWXYZ0123456789', 8)}`;
  if (nationality === 'GBR' || nationality === 'USA') return rng.digits(9);
  return `${rng.chars('ABCDEFGHJKLMNPRSTUVWXYZ', rng.int(1, 2))}${rng.digits(7)}`;
}

/**
 * Plans traveller `key` inside the window. Collection falls on one of the window's days;
 * the flight follows 0–3 days later but never after today, so every traveller is in
 * exactly one day's screening batch.
 */
export function planTraveller(key: string, window: SeedWindow, identity?: TravellerIdentity): TravellerRow {
  const rng = rngFor('traveller', key);
  const culture = (identity && cultureOfNationality(identity.nationality)) ?? pickCulture(rng);
  const person = identity ?? randomIdentity(rng, culture, window.now.getUTCFullYear());
  const lastDay = utcDay(window.now).getTime();

  const collectedDay = window.firstDay.getTime() + rng.int(0, window.days - 1) * DAY_MS;
  const collectedAt = new Date(collectedDay + Math.floor(rng.float() * Math.min(DAY_MS, window.now.getTime() - collectedDay)));
  const lead = rng.weighted([[1, 45], [2, 30], [3, 15], [0, 10]] as const);
  const flightDate = new Date(Math.min(collectedDay + lead * DAY_MS, lastDay));

  const german = rng.pick(GERMAN_AIRPORTS);
  const foreign = rng.chance(0.6) ? rng.pick(culture.hubs) : rng.pick(pickCulture(rng).hubs);
  const outbound = rng.chance(0.5);
  const [departureAirport, arrivalAirport] = outbound ? [german, foreign] : [foreign, german];
  const carrier = rng.pick(culture.carriers);
  const flightNumber = `${carrier}${rng.int(1, 1999)}`;
  const departure = `${String(rng.int(5, 22)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`;
  const itinerary: Prisma.InputJsonValue[] = [
    { seq: 1, flightNumber, date: isoDay(flightDate), from: departureAirport, to: arrivalAirport, departure },
  ];
  if (rng.chance(0.6)) {
    const back = new Date(flightDate.getTime() + rng.int(3, 21) * DAY_MS);
    itinerary.push({ seq: 2, flightNumber: `${carrier}${rng.int(1, 1999)}`, date: isoDay(back), from: arrivalAirport, to: departureAirport, departure: `${String(rng.int(5, 22)).padStart(2, '0')}:00` });
  }

  const dob = new Date(`${person.dateOfBirth}T00:00:00Z`);
  const mail = `${asciiName(person.givenNames.split(' ')[0] ?? '')}.${asciiName(person.familyName)}${rng.int(1, 99)}`;
  const residentInGermany = rng.chance(0.45);
  const payment = rng.weighted([['VISA', 40], ['MASTERCARD', 35], ['AMEX', 10], ['INVOICE', 10], ['CASH', 5]] as const);
  return {
    id: stableUuid('traveller', key),
    familyName: person.familyName,
    givenNames: person.givenNames,
    dateOfBirth: dob,
    yearOfBirth: dob.getUTCFullYear(),
    sex: person.sex,
    nationality: person.nationality,
    documentType: 'P',
    documentNumber: person.documentNumber ?? passportNumber(rng, person.nationality),
    documentIssuingCountry: person.nationality,
    documentExpiry: new Date(lastDay + rng.int(60, 3600) * DAY_MS),
    bookingReference: rng.chars(BOOKING_ALPHABET, 6),
    reservationDate: new Date(utcDay(collectedAt).getTime() - rng.int(1, 120) * DAY_MS),
    flightNumber,
    flightDate,
    departureAirport,
    arrivalAirport,
    itinerary,
    contactEmail: `${mail}@${rng.pick(['example.com', 'example.org', 'example.net', 'mail.example'])}`,
    contactPhone: `${residentInGermany ? '+49' : culture.phonePrefix} ${rng.digits(3)} ${rng.digits(7)}`,
    address: residentInGermany
      ? `${rng.pick(['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Schillerstraße', 'Am Markt'])} ${rng.int(1, 180)}, ${rng.digits(5)} ${rng.pick(['Frankfurt am Main', 'Offenbach', 'Mainz', 'Köln', 'Berlin', 'München', 'Hamburg'])}, DEU`
      : `${rng.int(1, 300)} ${rng.pick(['Main Street', 'Central Avenue', 'Station Road', 'Park Lane'])}, ${rng.pick(culture.cities)}, ${person.nationality}`,
    paymentSummary: payment === 'INVOICE' || payment === 'CASH' ? payment : `${payment} ****${rng.digits(4)}`,
    frequentFlyerNumber: rng.chance(0.3) ? `${carrier} ${rng.digits(10)}` : null,
    travelAgency: rng.chance(0.5) ? rng.pick(AGENCIES) : null,
    travelStatus: flightDate.getTime() < lastDay ? rng.weighted([['BOARDED', 94], ['NO_SHOW', 6]] as const) : rng.pick(['CONFIRMED', 'CHECKED_IN']),
    generalRemarks: rng.chance(0.1) ? rng.pick(REMARKS) : null,
    coTravellerCount: rng.weighted([[0, 70], [1, 18], [2, 7], [3, 5]] as const),
    collectedAt,
    externalRef: `PNR-${key}`,
  };
}

/**
 * Inserts travellers in transactions of `chunkSize`, each with one COLLECTION event per
 * traveller actually created (rows that already exist are skipped and not logged again).
 */
export async function writeTravellers(
  prisma: PrismaClient,
  caller: Caller,
  rows: readonly TravellerRow[],
  chunkSize = 1000,
): Promise<number> {
  let created = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    created += await prisma.$transaction(
      async (tx) => {
        const inserted = await insertRows(tx, 'Traveller', chunk);
        await recordAccessEvents(
          tx,
          caller,
          inserted.map((id) => ({
            operation: 'COLLECTION' as const,
            resourceType: 'traveller',
            resourceId: id,
            travellerId: id,
            purpose: 'PNR art. 8: PNR and API data received from the air carrier (synthetic seed data)',
          })),
        );
        return inserted.length;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }
  return created;
}
