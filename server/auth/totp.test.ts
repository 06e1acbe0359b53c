import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, timeStep, totpAt } from './totp';

// RFC 6238 appendix B, SHA1 rows: the 20-byte ASCII secret "12345678901234567890", 8 digits.
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

test('TOTP matches the RFC 6238 test vectors (HMAC-SHA1)', () => {
  for (const [seconds, expected] of RFC_VECTORS) {
    assert.equal(totpAt(RFC_SECRET, new Date(seconds * 1000), 8), expected, `T = ${seconds}`);
  }
});

test('HOTP matches the RFC 4226 test values (6 digits)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expected.forEach((code, counter) => assert.equal(hotp(RFC_SECRET, counter), code));
});

test('base32 round-trips and decodes the RFC 4648 example', () => {
  assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  assert.equal(base32Decode('MZXW 6YTB OI======').toString(), 'foobar');
  assert.equal(base32Decode(base32Encode(RFC_SECRET)).toString(), RFC_SECRET.toString());
});

test('a code is accepted within one step either side, and never for a step already used', () => {
  const now = new Date(1_800_000_000_000);
  const step = timeStep(now);
  const code = totpAt(RFC_SECRET, now);
  assert.equal(matchTotp(RFC_SECRET, code, now, null), step);
  assert.equal(matchTotp(RFC_SECRET, code, new Date(now.getTime() + 30_000), null), step, 'the previous step');
  assert.equal(matchTotp(RFC_SECRET, code, new Date(now.getTime() - 30_000), null), step, 'the next step');
  assert.equal(matchTotp(RFC_SECRET, code, new Date(now.getTime() + 61_000), null), null, 'two steps later');
  assert.equal(matchTotp(RFC_SECRET, code, now, step), null, 'used once already');
  assert.equal(matchTotp(RFC_SECRET, code, now, step - 1), step);
  assert.equal(matchTotp(RFC_SECRET, '12345', now, null), null);
  assert.equal(matchTotp(RFC_SECRET, 'abcdef', now, null), null);
});

test('the otpauth URI names the issuer, the account and the parameters', () => {
  assert.equal(
    otpauthUri('JBSWY3DPEHPK3PXP', 'ana@proportio.test'),
    'otpauth://totp/Proportio:ana%40proportio.test?secret=JBSWY3DPEHPK3PXP&issuer=Proportio&algorithm=SHA1&digits=6&period=30',
  );
});
