import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, signOut, test, type RoleKey } from './fixtures';

// Issue 9, the HTTP side: security headers with a fresh CSP nonce per response, no CSP
// violation on any main page for any role, cross-site requests refused and recorded, and
// the request id on errors. Runs against the production build (scripts/e2e-server.mts).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
type Sql = <T extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

function nonceOf(csp: string | undefined): string {
  const nonce = /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
  expect(nonce, `a nonce in ${csp}`).toBeTruthy();
  return nonce as string;
}

test('every answer carries the security headers, a request id and a fresh nonce that Next.js puts on its scripts', async ({ request }) => {
  const first = await request.get('/login');
  const second = await request.get('/login');
  for (const response of [first, second]) {
    const headers = response.headers();
    expect(headers['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[^']+' 'strict-dynamic'; /);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "connect-src 'self'", "img-src 'self' data: blob:", "font-src 'self'"]) {
      expect(headers['content-security-policy']).toContain(directive);
    }
    expect(headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['cache-control']).toContain('no-store');
    expect(headers['x-request-id']).toMatch(UUID);
    expect(headers['strict-transport-security'], 'no HSTS over plain HTTP').toBeUndefined();
    // Every script of the page carries this response's nonce: none would run otherwise.
    const html = await response.text();
    const nonce = nonceOf(headers['content-security-policy']);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  }
  expect(nonceOf(first.headers()['content-security-policy'])).not.toBe(nonceOf(second.headers()['content-security-policy']));
  expect(first.headers()['x-request-id']).not.toBe(second.headers()['x-request-id']);

  // Behind a TLS-terminating proxy: HSTS.
  const overHttps = await request.get('/login', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(overHttps.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');

  // Redirects and API answers — a route handler's own response — keep no-store and the id.
  const redirect = await request.get('/hits', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()['cache-control']).toContain('no-store');
  expect(redirect.headers()['x-request-id']).toMatch(UUID);
  const api = await request.get('/api/v1/hits');
  expect(api.status()).toBe(401);
  expect(api.headers()['cache-control']).toContain('no-store');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect((await api.json()).requestId).toBe(api.headers()['x-request-id']);
});

test('API answers, which proxy.ts does not handle, carry a CSP of their own, HSTS over HTTPS and an id of their own', async ({ request }) => {
  const api = await request.get('/api/v1/hits', { headers: { 'X-Request-Id': 'chosen-by-the-client' } });
  expect(api.status()).toBe(401);
  const headers = api.headers();
  expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['strict-transport-security'], 'no HSTS over plain HTTP').toBeUndefined();
  expect(headers['x-request-id']).toMatch(UUID);
  expect((await api.json()).requestId).toBe(headers['x-request-id']);
  const again = await request.get('/api/v1/hits');
  expect(again.headers()['x-request-id']).toMatch(UUID);
  expect(again.headers()['x-request-id']).not.toBe(headers['x-request-id']);
  // A file answer (streamed export) and the public OpenAPI document are API answers too.
  const file = await request.get('/api/v1/access-log/export?format=csv');
  expect(file.status()).toBe(401);
  expect(file.headers()['x-request-id']).toMatch(UUID);
  expect((await file.json()).requestId).toBe(file.headers()['x-request-id']);
  for (const proto of ['https', 'HTTPS, http']) {
    const overHttps = await request.get('/api/v1/openapi.json', { headers: { 'X-Forwarded-Proto': proto } });
    expect(overHttps.headers()['strict-transport-security'], proto).toBe('max-age=63072000; includeSubDomains');
  }
  const overHttp = await request.get('/api/v1/openapi.json', { headers: { 'X-Forwarded-Proto': 'http' } });
  expect(overHttp.headers()['strict-transport-security']).toBeUndefined();
});

// Collects CSP violations the page reports, as events and as console errors.
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${location.pathname}: ${event.sample}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

const MAIN_PAGES = ['/hits', '/hits/:id', '/escalations', '/access-log', '/metrics', '/admin', '/admin/api-tokens', '/admin/watchlists', '/admin/retention', '/api-docs'];
const ROLES: RoleKey[] = ['analyst', 'supervisor', 'privacy', 'admin'];

test('the CSP is enforced and the login page breaks none of it', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(violations).toEqual([]);
  // The watcher sees a violation when there is one: a style element without the nonce is refused.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red; }';
    document.head.appendChild(style);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations[0]).toContain('style-src');
});

for (const role of ROLES) {
  test(`no CSP violation on any main page as ${role}`, async ({ page, loginAs, sql }) => {
    test.setTimeout(120_000);
    const violations = await watchCsp(page);
    await loginAs(role);
    const [hit] = await sql<{ id: string }>(`SELECT id FROM "Hit" ORDER BY "createdAt" LIMIT 1`);
    for (const path of MAIN_PAGES) {
      const response = await page.goto(path.replace(':id', hit?.id ?? 'none'));
      // A refused page (403) renders too, and must be as clean.
      expect([200, 403], `${path} as ${role}`).toContain(response?.status());
      await page.waitForLoadState('networkidle');
      if (path === '/metrics' && response?.status() === 200) await expect(page.locator('.recharts-surface').first()).toBeVisible();
    }
    // A dialog (Radix: focus trap, scroll lock) and a toast (sonner) as the user meets them.
    if (role === 'analyst' || role === 'supervisor') {
      await page.goto(`/hits/${hit?.id}`);
      const reveal = page.getByRole('button', { name: /reveal/i }).first();
      if (await reveal.isVisible()) {
        await reveal.click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await page.keyboard.press('Escape');
      }
    }
    expect(violations).toEqual([]);
  });
}

async function deniedEvent(sql: Sql, requestId: string) {
  const rows = await sql<{ operation: string; outcome: string; resourceType: string; resourceId: string; details: Record<string, string>; actorLabel: string }>(
    `SELECT operation, outcome, "resourceType", "resourceId", details, "actorLabel" FROM "AccessEvent" WHERE "requestId" = $1`,
    [requestId],
  );
  expect(rows).toHaveLength(1);
  return rows[0] as (typeof rows)[number];
}

test('cross-site requests with the session cookie are refused with 403 and a DENIED event', async ({ page, loginAs, sql, baseURL }) => {
  const user = await loginAs('analyst');
  const [hit] = await sql<{ id: string }>(`SELECT id FROM "Hit" ORDER BY "createdAt" LIMIT 1`);
  const path = `/api/v1/hits/${hit?.id}/notes`;
  const notes = async () => Number((await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "HitEvent" WHERE "hitId" = $1`, [hit?.id]))[0]?.n);
  const before = await notes();
  const cases: [string, Record<string, string>][] = [
    ['origin-null', { Origin: 'null' }],
    ['origin-foreign', { Origin: 'https://attacker.example' }],
    ['origin-foreign', { Origin: 'http://localhost:1' }],
    ['origin-missing', {}],
    ['origin-missing', { 'Sec-Fetch-Site': 'cross-site' }],
  ];
  for (const [reason, headers] of cases) {
    // page.request shares the browser's cookies: the signed-in analyst's session.
    const response = await page.request.post(path, { headers, data: { note: 'from another site' } });
    expect(response.status(), `${reason} ${JSON.stringify(headers)}`).toBe(403);
    const body = await response.json();
    expect(body.message).toMatch(/did not come from a Proportio page/);
    expect(body.requestId).toBe(response.headers()['x-request-id']);
    expect(response.headers()['cache-control']).toContain('no-store');
    const event = await deniedEvent(sql, body.requestId);
    expect(event).toMatchObject({ operation: 'DENIED', outcome: 'DENIED', resourceType: 'request', resourceId: `POST ${path}`, actorLabel: user.email });
    expect(event.details).toEqual({ reason, method: 'POST', path });
  }
  expect(await notes(), 'nothing was written').toBe(before);

  // The same request from our own origin goes through.
  const ours = await page.request.post(path, { headers: { Origin: baseURL as string }, data: { note: 'from our own page' } });
  expect(ours.ok(), await ours.text()).toBe(true);

  // A page path (where a server action would answer) is refused by proxy.ts, recorded the same way.
  const action = await page.request.post('/hits', { headers: { Origin: 'https://attacker.example', 'Next-Action': 'x' }, data: '[]' });
  expect(action.status()).toBe(403);
  const actionEvent = await deniedEvent(sql, (await action.json()).requestId);
  expect(actionEvent.details).toEqual({ reason: 'origin-foreign', method: 'POST', path: '/hits' });
});

test('a machine with a Bearer token needs no Origin; with a session cookie and a foreign Origin it is refused', async ({ page, loginAs, sql }) => {
  const prefix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8);
  const secret = `ppt_${prefix}_${randomBytes(32).toString('base64url')}`;
  await sql(`INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, scopes, "expiresAt") VALUES ($1, $2, $3, $4, $5, now() + interval '1 day')`, [
    randomUUID(),
    'e2e security-headers',
    createHash('sha256').update(secret).digest('hex'),
    prefix,
    ['watchlists:write'],
  ]);
  const data = { entries: [{ externalId: `sec-${randomUUID()}`, primaryName: 'QWERTZ, ASDFGH', familyName: 'QWERTZ', givenNames: 'ASDFGH', aliases: [], datesOfBirth: [{ value: '1970-01-01', precision: 'DAY' }], offenceCategory: 'terrorism' }] };
  const machine = await page.request.post('/api/v1/watchlists/NATIONAL-ALERTS/entries', { headers: { Authorization: `Bearer ${secret}` }, data });
  expect(machine.status(), await machine.text()).toBe(200);

  await loginAs('admin');
  const both = await page.request.post('/api/v1/watchlists/NATIONAL-ALERTS/entries', {
    headers: { Authorization: `Bearer ${secret}`, Origin: 'https://attacker.example' },
    data,
  });
  expect(both.status()).toBe(403);
  expect((await deniedEvent(sql, (await both.json()).requestId)).details).toMatchObject({ reason: 'origin-foreign' });
});

test('signing in and out still works through next-auth, with its own CSRF token', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.includes('next-auth.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  await signOut(page);
  await expect(page).toHaveURL(/\/login/);
});

test('an unexpected error shows a short message and the request id the server logged', async ({ page, loginAs, sql }) => {
  await loginAs('admin');
  // Break one read for a moment: the retention page's list of runs.
  await sql(`ALTER TABLE "RetentionRun" RENAME COLUMN "eventsErased" TO "eventsErased_broken"`);
  try {
    const api = await page.request.get('/api/v1/retention/runs');
    expect(api.status()).toBe(500);
    const body = await api.json();
    expect(body.requestId).toMatch(UUID);
    expect(body.requestId).toBe(api.headers()['x-request-id']);
    expect(JSON.stringify(body)).not.toMatch(/eventsErased|prisma|at .*\.js/i);

    const response = await page.goto('/admin/retention');
    const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
    await expect(alert).toBeVisible();
    await expect(alert.getByTestId('request-id')).toHaveText(response?.headers()['x-request-id'] as string);
    await expect(alert).not.toContainText(/eventsErased|prisma/i);
  } finally {
    await sql(`ALTER TABLE "RetentionRun" RENAME COLUMN "eventsErased_broken" TO "eventsErased"`);
  }
});
