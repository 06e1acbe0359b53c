import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalEvent, contentHash, type ChainedFields } from './chain';
import { canonicalContent, digestContent, memoisedEncoder } from './record-digest';

type Content = Omit<ChainedFields, 'seq'>;

const base: Content = {
  at: new Date('2026-11-26T09:30:00.123Z'),
  actorType: 'USER',
  actorId: '0195a1b2-0000-7000-8000-000000000001',
  actorLabel: 'analyst@proportio.test',
  role: 'ANALYST',
  operation: 'CONSULTATION',
  outcome: 'ALLOWED',
  resourceType: 'hit',
  resourceId: '0195a1b2-0000-7000-8000-000000000002',
  travellerId: '0195a1b2-0000-7000-8000-000000000003',
  purpose: 'Hit queue review',
  recipient: null,
  requestId: 'c0ffee00-0000-4000-8000-000000000000',
  ip: '127.0.0.1',
  userAgent: 'Mozilla/5.0 "quoted" \\ back',
  details: { view: 'hit-list', fields: ['name:masked', 'nationality', 'yearOfBirth', 'flight'] },
};

const variants: Content[] = [
  base,
  { ...base, details: null },
  { ...base, details: undefined },
  { ...base, actorId: null, actorLabel: null, role: null, ip: null, userAgent: null, requestId: null },
  { ...base, purpose: 'Zweck: Überprüfung — „Identität“ ✓ 😀 \u2028 line\nbreak\t\u0001' },
  { ...base, details: { z: 1, a: [1, 2, { y: null, b: 'x' }], m: { nested: { deep: true } }, n: 1.5e-7, big: 12345678901234567890n, when: new Date(0) } },
  { ...base, details: { 'key with "quotes"': 'v', B: 1, a: 2, _: 3, Ä: 4 } },
  { ...base, details: [] as unknown as Content['details'] },
  { ...base, ip: undefined as unknown as string | null },
  { ...base, details: 'plain text' },
];

test('canonicalContent is byte for byte canonicalEvent, and digestContent is contentHash', () => {
  for (const event of variants) {
    assert.equal(canonicalContent(event), canonicalEvent(event));
    assert.equal(digestContent(event), contentHash(event));
  }
});

test('the memoised encoder gives the same text, also for one details object shared by many events', () => {
  const encodeValue = memoisedEncoder();
  const shared = { view: 'hit-list', fields: ['name:masked'] };
  for (const event of [...variants, { ...base, details: shared }, { ...base, resourceId: 'other', details: shared }, ...variants]) {
    assert.equal(canonicalContent(event, encodeValue), canonicalEvent(event));
    assert.equal(digestContent(event, encodeValue), contentHash(event));
  }
});
