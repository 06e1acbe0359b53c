import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedDraft } from './request-draft';

test('a stored draft is read leniently: wrong fields read as empty, anything but an object is none', () => {
  assert.equal(storedDraft(null), null);
  assert.equal(storedDraft('text'), null);
  assert.equal(storedDraft([]), null);
  assert.deepEqual(storedDraft({}), { legalBasis: '', offenceCategory: '', objectiveFacts: '', necessity: '', dataCategories: [], recipientId: '', urgency: '' });
  assert.deepEqual(
    storedDraft({ legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: 'x'.repeat(4001), necessity: 7, dataCategories: ['PASSPORT', 'NOPE'], recipientId: 'r', urgency: 'SOON', extra: 1 }),
    { legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: '', necessity: '', dataCategories: ['PASSPORT'], recipientId: 'r', urgency: '' },
  );
  // One category that is not text spoils the list (as the schema it replaced did).
  assert.deepEqual(storedDraft({ dataCategories: ['PASSPORT', 3] })?.dataCategories, []);
});
