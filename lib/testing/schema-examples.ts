// A valid input for every schema lib/schemas exports, by export name (a schema inside an
// exported record of schemas as `record.key`): the fuzz suite (lib/schemas/fuzz.test.ts)
// mutates these, and fails for a schema that has none, so a new schema gets one here.

const UUID = '0193a5b2-7c4e-7d10-8a2b-3c4d5e6f7a8b';
const UUID_2 = '0193a5b2-7c4e-7d10-8a2b-3c4d5e6f7a8c';
const JUSTIFICATION = 'The traveller’s passport number matches the alert and the itinerary matches the known route.';

const traveller = {
  externalRef: 'pax-0001',
  familyName: 'Mustermann',
  givenNames: 'Erika Anna',
  dateOfBirth: '1964-08-12',
  sex: 'F',
  nationality: 'DEU',
  documentType: 'P',
  documentNumber: 'C01X00T47',
  documentIssuingCountry: 'DEU',
  documentExpiry: '2031-05-31',
  bookingReference: 'ABC12D',
  reservationDate: '2026-10-01',
  flightNumber: 'LH400',
  flightDate: '2026-11-25',
  departureAirport: 'FRA',
  arrivalAirport: 'JFK',
  itinerary: [{ flightNumber: 'LH400', date: '2026-11-25', from: 'FRA', to: 'JFK', departure: '10:15' }],
  contactEmail: 'erika@example.org',
  contactPhone: '+49 30 1234567',
  address: 'Heidestraße 17, 51147 Köln',
  paymentSummary: 'Card ending 1234',
  frequentFlyerNumber: 'LH 992 000 123',
  travelAgency: 'Reisebüro Nord',
  travelStatus: 'confirmed',
  generalRemarks: 'Window seat requested.',
  coTravellerCount: 1,
};

const entry = {
  externalId: 'NAT-0042',
  type: 'INDIVIDUAL',
  primaryName: 'Erika Mustermann',
  familyName: 'Mustermann',
  givenNames: 'Erika',
  aliases: [{ name: 'Erica Musterman', quality: 'weak' }],
  datesOfBirth: [{ value: '1964-08', precision: 'MONTH' }, { value: '1963', precision: 'YEAR', to: '1965' }],
  nationalities: ['DEU'],
  documents: [{ type: 'P', number: 'C01X00T47', country: 'DEU' }],
  programs: ['NAT'],
  offenceCategory: 'terrorism',
  legalBasis: 'National alert, § 12',
  remarks: 'Listed 2024.',
  expiresAt: '2027-06-30T23:59:59+02:00',
};

const counts = { created: 1, changed: 0, unchanged: 2, delisted: 0 };

export const SCHEMA_EXAMPLES: Readonly<Record<string, unknown>> = {
  // access-log.ts
  'accessLogFilterFields.actor': 'privacy@proportio.test',
  'accessLogFilterFields.travellerId': UUID,
  'accessLogFilterFields.bookingReference': 'ABC12D',
  'accessLogFilterFields.documentNumber': 'C01X00T47',
  'accessLogFilterFields.operation': 'CONSULTATION',
  'accessLogFilterFields.outcome': 'DENIED',
  'accessLogFilterFields.from': '2026-11-25',
  'accessLogFilterFields.to': '2026-11-25T14:30:00+01:00',
  'accessLogFilterFields.purpose': 'Access log search',
  'accessLogFilterFields.cursor': '123456',
  anomalyReviewSchema: { rule: 'REVEAL_BURST', itemKey: `reveal-burst:${UUID}:2026-11-25`, note: 'Checked with the team lead: a training exercise.' },
  // api-token.ts
  createApiTokenSchema: { name: 'Screening engine', scopes: ['hits:write', 'batches:read'], expiresInDays: 90 },
  // escalation.ts
  escalationDecisionSchema: { decision: 'reject', note: 'The objective facts do not reach the threshold.', version: 3 },
  escalationListFilterSchema: { status: 'DECIDED' },
  escalationRequestSchema: {
    legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: JUSTIFICATION, necessity: JUSTIFICATION,
    dataCategories: ['PASSPORT', 'ITINERARY'], recipientId: UUID, urgency: 'URGENT', hitVersion: 2,
  },
  repersonalisationReviewSchema: { note: 'The approval named the legal basis and the data needed.' },
  // hit.ts
  'hitFilterFields.status': 'IN_REVIEW',
  'hitFilterFields.source': 'SIS-LIKE',
  'hitFilterFields.offence': 'terrorism',
  'hitFilterFields.scoreMin': '0.8',
  'hitFilterFields.scoreMax': '0.95',
  'hitFilterFields.flightFrom': '2026-11-01',
  'hitFilterFields.flightTo': '2026-11-30',
  'hitFilterFields.assignee': 'me',
  'hitFilterFields.overdue': 'true',
  'hitFilterFields.sort': 'score',
  'hitFilterFields.cursor': 'WyJzY29yZSIsMC45LCIwMTkzYTViMi03YzRlLTdkMTAtOGEyYi0zYzRkNWU2ZjdhOGIiXQ',
  hitDecisionSchema: { decision: 'clear', reason: 'OTHER', note: 'A different person: other passport.', version: 2 },
  hitNoteSchema: { note: 'Called the airline for the passport scan.' },
  revealSchema: { field: 'documentNumber', purpose: 'OTHER', purposeNote: 'Compare with the alert' },
  assignHitsSchema: { hitIds: [UUID, UUID_2], assigneeId: UUID },
  hitIdSchema: UUID,
  // ingest.ts
  itineraryLegSchema: traveller.itinerary[0],
  travellerInputSchema: traveller,
  screeningRequestSchema: { externalRef: 'manifest-LH400-2026-11-25', sources: ['SIS-LIKE'], travellers: [traveller] },
  watchlistEntryInputSchema: entry,
  watchlistEntriesRequestSchema: { entries: [entry] },
  externalHitSchema: { traveller, entry: { source: 'NATIONAL-ALERTS', externalId: 'NAT-0042' }, score: 0.91 },
  externalHitsRequestSchema: { externalRef: 'engine-run-7', travellersScreened: 1200, hits: [{ traveller, entry: { source: 'NATIONAL-ALERTS', externalId: 'NAT-0042' }, score: 0.91 }] },
  idempotencyKeySchema: 'manifest-LH400-2026-11-25:1',
  screeningBatchViewSchema: {
    id: UUID, externalRef: null, status: 'COMPLETED', travellersScreened: 1, hitsCreated: 1, hitsSuppressed: 0, sensitiveValuesDeleted: 0,
    startedAt: '2026-11-25T10:00:00.000Z', finishedAt: '2026-11-25T10:00:01.000Z',
    travellers: [{ index: 0, id: UUID_2, externalRef: 'pax-0001' }], hits: [{ id: UUID, travellerIndex: 0, entry: { source: 'SIS-LIKE', externalId: 'A-1' }, score: 0.9 }],
  },
  entriesResultSchema: { source: 'NATIONAL-ALERTS', received: 3, ...counts },
  sdnImportResultSchema: { source: 'OFAC-SDN', rows: 3, ...counts, errors: [{ line: 4, reason: 'No name.' }], warnings: 0, delistingApplied: false },
  apiErrorSchema: { message: 'Some fields need your attention.', fieldErrors: { note: 'Too long.' }, issues: [{ path: 'travellers.0.flightDate', message: 'A date.' }] },
  // login.ts
  loginSchema: { email: 'Analyst@Proportio.test', password: 'demo-analyst-1-pass', code: '123 456' },
  // metrics.ts
  metricsQuerySchema: { from: '2026-01-01', to: '2026-03-31', granularity: 'week', minTravellers: '30', minDecided: 20 },
  metricsChartSchema: 'false-positives-by-source',
  metricsFileFormatSchema: 'json',
  // retention.ts
  dataClassSchema: 'CLEARED_HIT',
  startRetentionRunSchema: { dryRun: true },
  // user.ts
  newPasswordSchema: 'correct horse battery staple',
  userSchema: { email: 'new.analyst@proportio.test', name: 'Nadia Analyst', role: 'ANALYST', unit: 'PIU Frankfurt' },
  createUserSchema: { email: 'new.analyst@proportio.test', name: 'Nadia Analyst', role: 'ANALYST', unit: 'PIU Frankfurt' },
  changeUserRoleSchema: { role: 'SUPERVISOR' },
  setUserActiveSchema: { active: false },
  changePasswordSchema: { currentPassword: 'demo-analyst-1-pass', newPassword: 'correct horse battery staple' },
  totpCodeSchema: { code: '123 456' },
  // watchlist-source.ts
  updateWatchlistSourceSchema: { matchThreshold: 0.75 },
};

/** Exported functions that build a schema, with the arguments to build each with and a valid input for it. */
export const SCHEMA_FACTORY_EXAMPLES: Readonly<Record<string, readonly { args: readonly unknown[]; example: unknown; neverValid?: string }[]>> = {
  retentionPolicyUpdateSchema: (() => {
    const bounds = { minDays: 30, maxMaskDays: 183, maxEraseDays: 1826 };
    const updatedAt = '2026-03-01T10:00:00.123Z';
    return [
      { args: ['TRAVELLER_IDENTIFYING', bounds], example: { maskAfterDays: 90, updatedAt } },
      { args: ['TRAVELLER_RECORD', bounds], example: { eraseAfterDays: 1500, updatedAt } },
      { args: ['CLEARED_HIT', bounds], example: { maskAfterDays: 90, eraseAfterDays: 1500, updatedAt } },
      { args: ['ACCESS_EVENT', bounds], example: { updatedAt }, neverValid: 'the access log’s five years are fixed by law' },
    ];
  })(),
};

/** Schemas of answers, not of input (the OpenAPI document describes answers with them): nothing is stored from them. */
export const ANSWER_SCHEMAS: ReadonlySet<string> = new Set(['screeningBatchViewSchema', 'entriesResultSchema', 'sdnImportResultSchema', 'apiErrorSchema']);
