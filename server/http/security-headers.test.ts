import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { contentSecurityPolicy, EMPTY_STYLE_HASH, HSTS_VALUE, newNonce, servedOverHttps, SONNER_STYLE_HASH } from './security-headers';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((directive) => {
    const [name, ...values] = directive.split(' ');
    return [name as string, values];
  }));
}

test('the production policy: scripts by nonce only, nothing from elsewhere, no plugins, no framing, no base', () => {
  const policy = directives(contentSecurityPolicy('abc123=='));
  assert.deepEqual(policy.get('default-src'), ["'self'"]);
  assert.deepEqual(policy.get('script-src'), ["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  assert.deepEqual(policy.get('style-src'), ["'self'", "'nonce-abc123=='", SONNER_STYLE_HASH, EMPTY_STYLE_HASH]);
  assert.deepEqual(policy.get('style-src-attr'), ["'unsafe-inline'"]);
  assert.deepEqual(policy.get('img-src'), ["'self'", 'data:', 'blob:']);
  assert.deepEqual(policy.get('font-src'), ["'self'"]);
  assert.deepEqual(policy.get('connect-src'), ["'self'"]);
  assert.deepEqual(policy.get('object-src'), ["'none'"]);
  assert.deepEqual(policy.get('base-uri'), ["'none'"]);
  assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
  assert.deepEqual(policy.get('form-action'), ["'self'"]);
  const all = contentSecurityPolicy('abc123==');
  assert.ok(!all.includes('unsafe-eval'), 'no eval in production');
  assert.ok(!/(script|style)-src [^;]*'unsafe-inline'/.test(all), 'no inline scripts or style elements without the nonce');
  assert.ok(!all.includes('*') && !all.includes('http'), 'no other origin, no wildcard');
});

test('development adds only what React and Next need there', () => {
  const policy = directives(contentSecurityPolicy('n', { development: true }));
  assert.ok(policy.get('script-src')?.includes("'unsafe-eval'"));
  assert.ok(policy.get('style-src')?.includes("'unsafe-inline'"));
  assert.deepEqual(policy.get('object-src'), ["'none'"]);
});

test('nonces are fresh and unguessable: 128 bits, base64, never repeated', () => {
  const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
  assert.equal(nonces.size, 1000);
  for (const nonce of [...nonces].slice(0, 10)) assert.equal(Buffer.from(nonce, 'base64').length, 16);
});

test('the sonner style hash is the hash of the stylesheet the installed sonner inserts', () => {
  for (const file of ['index.mjs', 'index.js']) {
    const source = readFileSync(path.resolve(process.cwd(), 'node_modules/sonner/dist', file), 'utf8');
    const literal = /__insertCSS\("((?:[^"\\]|\\.)*)"\)/.exec(source)?.[1];
    assert.ok(literal, `sonner/dist/${file} still inserts its CSS`);
    const css = JSON.parse(`"${literal}"`) as string;
    assert.equal(SONNER_STYLE_HASH, `'sha256-${createHash('sha256').update(css).digest('base64')}'`, file);
  }
  assert.equal(EMPTY_STYLE_HASH, `'sha256-${createHash('sha256').update('').digest('base64')}'`);
});

test('HSTS only over HTTPS: directly, or as the TLS-terminating proxy reports', () => {
  assert.equal(HSTS_VALUE, 'max-age=63072000; includeSubDomains');
  assert.equal(servedOverHttps('https://proportio.example.eu/hits', null), true);
  assert.equal(servedOverHttps('http://localhost:3000/hits', null), false);
  assert.equal(servedOverHttps('http://10.0.0.5:3000/hits', 'https'), true);
  assert.equal(servedOverHttps('http://10.0.0.5:3000/hits', 'HTTPS, http'), true, "the client's hop comes first");
  assert.equal(servedOverHttps('http://10.0.0.5:3000/hits', 'http'), false);
  assert.equal(servedOverHttps('https://10.0.0.5:3000/hits', 'http'), false, 'the proxy knows what the client used');
});
