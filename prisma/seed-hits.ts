import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import type { HitEventType, HitStatus } from '@/generated/prisma/enums';
import { storedExplanation } from '@/lib/hits/stored-explanation';
import directive from '@/lib/reference/pnr-directive.json';
import type { ClearReason } from '@/lib/schemas/hit';
import { recordAccessEvents } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import type { HitPair } from './seed-hit-pairs';
import { explainMatch, scoreMatch, type FieldExplanation } from './seed-matching';
import { DAY_MS, HOUR_MS, MINUTE_MS, isoDay, rngFor, stableUuid, utcDay, type Rng } from './seed-random';
import type { SeedWindow, TravellerRow } from './seed-travellers';
import type { SourceCode } from './seed-watchlists';
import { hitPriority } from '@/server/hits/hit-priority';

export interface HitPlan {
  hit: Prisma.HitCreateManyInput & { id: string; createdAt: Date; status: HitStatus };
  events: Prisma.HitEventCreateManyInput[];
  escalation: Prisma.EscalationCreateManyInput | null;
  sourceCode: SourceCode;
}

export interface HitContext {
  window: SeedWindow;
  analysts: readonly string[];
  supervisors: readonly string[];
  /** Recipient authority ids by name. */
  recipients: Readonly<Record<string, string>>;
  batchId: (code: SourceCode, day: Date) => string;
}

type Outcome = HitStatus | 'REJECTED';
const OLD_TRUE_MATCH_OUTCOMES: readonly Outcome[] = ['CONFIRMED', 'ESCALATED', 'ESCALATION_PENDING', 'CONFIRMED', 'ESCALATED', 'REJECTED'];
const RECENT_MS = 2 * DAY_MS;
// ETIAS-style deadline for the manual verification of a hit.
const DUE_MS = directive.scaleAnchors.etiasManualVerificationHours.value * HOUR_MS;

function outcomes(pairs: readonly HitPair[], createdAt: readonly Date[], now: Date): Outcome[] {
  const result: Outcome[] = pairs.map((pair) => (rngFor('hit-outcome', pair.index).chance(0.04) ? 'IN_REVIEW' : 'CLEARED'));
  // The queue: newest first, the first 60% of the last two days stay NEW and unassigned.
  const recent = pairs.map((_, i) => i).filter((i) => now.getTime() - (createdAt[i] as Date).getTime() < RECENT_MS);
  recent.sort((a, b) => (createdAt[b] as Date).getTime() - (createdAt[a] as Date).getTime());
  const isRecent = new Set(recent);
  recent.forEach((i, rank) => {
    result[i] = rank < Math.ceil(recent.length * 0.6) ? 'NEW' : pairs[i]?.trueMatch || rank % 2 === 0 ? 'IN_REVIEW' : 'CLEARED';
  });
  let ordinal = 0;
  pairs.forEach((pair, i) => {
    if (pair.trueMatch && !isRecent.has(i)) result[i] = OLD_TRUE_MATCH_OUTCOMES[ordinal++ % OLD_TRUE_MATCH_OUTCOMES.length] as Outcome;
  });
  return result;
}

// The reason an analyst gives is one of the identifiers that really disagree; which one
// they cite varies, most often the date of birth.
// The codes are the product's (lib/schemas/hit.ts CLEAR_REASONS).
const CLEAR_REASONS: readonly (readonly [FieldExplanation['field'], ClearReason, number])[] = [
  ['dateOfBirth', 'DIFFERENT_DOB', 70],
  ['nationality', 'DIFFERENT_NATIONALITY', 20],
  ['document', 'DIFFERENT_DOCUMENT', 10],
];

function clearReason(rng: Rng, explanation: readonly FieldExplanation[]): ClearReason {
  const candidates = CLEAR_REASONS.filter(([field]) => explanation.some((item) => item.field === field && item.agrees === false));
  return candidates.length > 0 ? rng.weighted(candidates.map(([, reason, weight]) => [reason, weight] as const)) : 'COMMON_NAME_PART';
}

function recipientFor(category: string, rng: Rng, recipients: Readonly<Record<string, string>>): string {
  const name = category === 'terrorism'
    ? rng.pick(['Bundeskriminalamt', 'Europol (via ENU)'])
    : category.startsWith('illicit trafficking in narcotic') ? 'Zollkriminalamt'
      : category === 'facilitation of unauthorised entry and residence' ? 'Bundespolizei'
        : rng.pick(['Bundeskriminalamt', 'Landeskriminalamt Hessen']);
  const id = recipients[name] ?? Object.values(recipients)[0];
  if (!id) throw new Error('No recipient authority to escalate to.');
  return id;
}

// Written as a careful analyst would: which identifiers agree and how, never the traveller's
// values themselves (the justification is read by people who see the traveller masked).
const FIELD_WORDS: Readonly<Record<FieldExplanation['field'], string>> = {
  familyName: 'family name', givenNames: 'given names', dateOfBirth: 'date of birth', nationality: 'nationality', document: 'document number',
};

function describe(explanation: readonly FieldExplanation[]): string {
  return explanation
    .filter((item) => item.agrees === true)
    .map((item) => `${FIELD_WORDS[item.field]} agrees with the listing (${item.method}${item.precision ? `, ${item.precision.toLowerCase()} precision` : ''})`)
    .join('; ');
}

/** Plans the hits, their history and escalations. Times never pass `now` and always move forward. */
export function planHits(pairs: readonly HitPair[], travellers: readonly TravellerRow[], context: HitContext): HitPlan[] {
  const { window, analysts, supervisors } = context;
  const now = window.now.getTime();
  const createdAt = pairs.map((pair, i) => {
    const collected = (travellers[i] as TravellerRow).collectedAt.getTime();
    const latest = Math.min(now - 30_000, utcDay(new Date(collected)).getTime() + DAY_MS - 1000);
    const delay = rngFor('hit-created', pair.index).int(2, 30) * MINUTE_MS;
    return new Date(Math.max(collected, Math.min(collected + delay, latest)));
  });
  const statuses = outcomes(pairs, createdAt, window.now);

  return pairs.map((pair, i) => {
    const traveller = travellers[i] as TravellerRow;
    const created = createdAt[i] as Date;
    const outcome = statuses[i] as Outcome;
    const rng = rngFor('hit', pair.index);
    const { entry } = pair;
    const id = stableUuid('hit', pair.index);
    const explanation = explainMatch(
      {
        familyName: traveller.familyName,
        givenNames: traveller.givenNames,
        dateOfBirth: pair.identity.dateOfBirth,
        nationality: traveller.nationality,
        documentNumber: traveller.documentNumber,
      },
      entry,
    );
    const score = scoreMatch(explanation);
    const worker = rng.pick(analysts);
    const supervisor = rng.pick(supervisors.filter((s) => s !== worker));

    // Delays between steps, squeezed to fit between creation and now.
    const delays = [rng.int(5, 240) * MINUTE_MS, rng.int(5, 60) * MINUTE_MS, rng.int(30, 1200) * MINUTE_MS];
    const room = Math.max(0, now - created.getTime() - MINUTE_MS);
    const squeeze = Math.min(1, room / delays.reduce((a, b) => a + b, 0));
    const times: Date[] = [created];
    for (const delay of delays) times.push(new Date((times[times.length - 1] as Date).getTime() + Math.floor(delay * squeeze)));
    const [claimedAt, decidedAt, escalationDecidedAt] = times.slice(1) as [Date, Date, Date];

    const events: Prisma.HitEventCreateManyInput[] = [];
    const event = (type: HitEventType, at: Date, actorId: string | null, fromStatus: HitStatus | null, toStatus: HitStatus, extra: { note?: string; data?: Prisma.InputJsonValue } = {}) =>
      events.push({ id: stableUuid('hit-event', id, events.length), hitId: id, type, actorId, fromStatus, toStatus, at, ...extra });
    event('CREATED', created, null, null, 'NEW', { data: { score } });

    const status: HitStatus = outcome === 'REJECTED' ? 'IN_REVIEW' : outcome;
    let escalation: Prisma.EscalationCreateManyInput | null = null;
    const decision: { clearReason?: string; decidedById?: string; decidedAt?: Date } = {};
    const reason = clearReason(rng, explanation);

    if (outcome !== 'NEW') event('CLAIMED', claimedAt, worker, 'NEW', 'IN_REVIEW');
    if (outcome === 'CLEARED') {
      event('CLEARED', decidedAt, worker, 'IN_REVIEW', 'CLEARED', { data: { reason } });
      Object.assign(decision, { clearReason: reason, decidedById: worker, decidedAt });
    } else if (outcome === 'CONFIRMED') {
      event('CONFIRMED', decidedAt, worker, 'IN_REVIEW', 'CONFIRMED', { note: 'Identity confirmed against the listed identifiers.' });
      Object.assign(decision, { decidedById: worker, decidedAt });
    } else if (outcome === 'ESCALATION_PENDING' || outcome === 'ESCALATED' || outcome === 'REJECTED') {
      const escalationId = stableUuid('escalation', id);
      event('ESCALATION_REQUESTED', decidedAt, worker, 'IN_REVIEW', 'ESCALATION_PENDING', { data: { escalationId } });
      const decided = outcome !== 'ESCALATION_PENDING';
      const approved = outcome === 'ESCALATED';
      if (decided) {
        event(approved ? 'ESCALATION_APPROVED' : 'ESCALATION_REJECTED', escalationDecidedAt, supervisor, 'ESCALATION_PENDING', approved ? 'ESCALATED' : 'IN_REVIEW', { data: { escalationId } });
      }
      if (approved) Object.assign(decision, { decidedById: supervisor, decidedAt: escalationDecidedAt });
      const flightAhead = traveller.flightDate.getTime() >= utcDay(window.now).getTime();
      escalation = {
        id: escalationId,
        hitId: id,
        requesterId: worker,
        legalBasis: 'PNR_6_2_A',
        offenceCategory: entry.offenceCategory,
        objectiveFacts: `Entry ${entry.externalId} (${pair.entry.sourceCode}, ${entry.offenceCategory}): ${describe(explanation)}. Travelling on ${traveller.flightNumber} ${traveller.departureAirport}-${traveller.arrivalAirport} on ${isoDay(traveller.flightDate)}.`,
        necessity: `The traveller is identified with a listed person on ${explanation.filter((item) => item.agrees).length} identifiers beyond chance; the authority needs the travel data to act on the alert, and no less intrusive source gives it in time. Only the listed data categories are disclosed.`,
        dataCategories: ['PASSPORT', 'ITINERARY'],
        recipientId: recipientFor(entry.offenceCategory, rng, context.recipients),
        urgency: flightAhead ? 'URGENT' : 'ROUTINE',
        status: !decided ? 'PENDING' : approved ? 'APPROVED' : 'REJECTED',
        deciderId: decided ? supervisor : null,
        decidedAt: decided ? escalationDecidedAt : null,
        decisionNote: !decided ? null : approved
          ? 'Approved: the identifiers beyond the name agree; disclosure limited to the requested categories.'
          : 'Rejected: the agreement rests on the name and a partial date of birth; verify further before any disclosure.',
        version: decided ? 2 : 1,
        createdAt: decidedAt,
        updatedAt: decided ? escalationDecidedAt : decidedAt,
      };
    }

    const last = events[events.length - 1]?.at as Date;
    return {
      sourceCode: entry.sourceCode,
      escalation,
      events,
      hit: {
        id,
        travellerId: traveller.id,
        entryId: entry.id,
        entryVersion: entry.version,
        screeningBatchId: context.batchId(entry.sourceCode, utcDay(created)),
        sourceId: entry.sourceId,
        offenceCategory: entry.offenceCategory,
        flightDate: traveller.flightDate,
        score,
        explanation: storedExplanation(explanation),
        status,
        priority: hitPriority(score, entry.offenceCategory, explanation),
        assigneeId: outcome === 'NEW' ? null : worker,
        dueAt: new Date(created.getTime() + DUE_MS),
        version: events.length,
        createdAt: created,
        updatedAt: last,
        ...decision,
      },
    };
  });
}

/**
 * Inserts hits with their history and escalations, in transactions of `chunkSize`, each
 * with one COMBINATION event per hit actually created.
 */
export async function writeHits(prisma: PrismaClient, caller: Caller, plans: readonly HitPlan[], chunkSize = 500) {
  const created = { hits: 0, hitEvents: 0, escalations: 0 };
  for (let start = 0; start < plans.length; start += chunkSize) {
    const chunk = plans.slice(start, start + chunkSize);
    await prisma.$transaction(
      async (tx) => {
        const inserted = await tx.hit.createManyAndReturn({ data: chunk.map((plan) => plan.hit), skipDuplicates: true, select: { id: true } });
        const ids = new Set(inserted.map((row) => row.id));
        const fresh = chunk.filter((plan) => ids.has(plan.hit.id));
        const events = await tx.hitEvent.createMany({ data: fresh.flatMap((plan) => plan.events), skipDuplicates: true });
        const escalations = fresh.flatMap((plan) => (plan.escalation ? [plan.escalation] : []));
        const written = await tx.escalation.createMany({ data: escalations, skipDuplicates: true });
        await recordAccessEvents(
          tx,
          caller,
          fresh.map((plan) => ({
            operation: 'COMBINATION' as const,
            resourceType: 'hit',
            resourceId: plan.hit.id,
            travellerId: plan.hit.travellerId,
            purpose: 'PNR art. 6(3)(a): comparison against relevant databases',
            details: { entryId: plan.hit.entryId, sourceCode: plan.sourceCode },
          })),
        );
        created.hits += fresh.length;
        created.hitEvents += events.count;
        created.escalations += written.count;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }
  return created;
}
