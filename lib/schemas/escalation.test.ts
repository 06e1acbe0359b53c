import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escalationDecisionSchema, escalationRequestSchema } from './escalation';

const valid = {
  legalBasis: 'PNR_6_2_A',
  offenceCategory: 'terrorism',
  objectiveFacts: 'Same family name, date of birth and passport series as the listed person; paid in cash.',
  necessity: 'The flight leaves within hours; only identity and itinerary go to the authority that issued the alert.',
  dataCategories: ['PASSPORT', 'ITINERARY', 'PASSPORT'],
  recipientId: '0195f0a2-7b1c-7c00-8000-000000000001',
  urgency: 'URGENT',
  hitVersion: 3,
};

test('a complete request parses; repeated categories collapse', () => {
  const parsed = escalationRequestSchema.parse(valid);
  assert.deepEqual(parsed.dataCategories, ['PASSPORT', 'ITINERARY']);
});

test('short or missing justification, unknown lists and no data are field errors', () => {
  const result = escalationRequestSchema.safeParse({ ...valid, objectiveFacts: 'Name matches.', necessity: undefined, dataCategories: [], offenceCategory: 'shoplifting', legalBasis: 'VIBES' });
  assert.equal(result.success, false);
  const fields = new Set(result.error?.issues.map((issue) => issue.path[0]));
  assert.deepEqual(fields, new Set(['objectiveFacts', 'necessity', 'dataCategories', 'offenceCategory', 'legalBasis']));
  const facts = result.error?.issues.find((issue) => issue.path[0] === 'objectiveFacts');
  assert.match(facts?.message ?? '', /at least 50 characters/);
});

test('forged fields are not part of the request', () => {
  const parsed = escalationRequestSchema.parse({ ...valid, requesterId: 'someone-else', status: 'APPROVED' });
  assert.equal('requesterId' in parsed, false);
  assert.equal('status' in parsed, false);
});

test('a rejection needs its reason; an approval does not', () => {
  assert.equal(escalationDecisionSchema.safeParse({ decision: 'reject', version: 1 }).success, false);
  assert.equal(escalationDecisionSchema.safeParse({ decision: 'reject', note: 'too short', version: 1 }).success, false);
  assert.equal(escalationDecisionSchema.safeParse({ decision: 'approve', version: 1 }).success, true);
});
