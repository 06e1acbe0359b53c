import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { PERMISSIONS } from './permission-table';
import { API_ROUTES, PAGES } from './route-manifest';

// A route or page that exists but is not in the manifest would escape the attack matrix;
// one listed but gone would make the matrix prove nothing. Both fail here.

const APP = path.join(process.cwd(), 'app');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** The URL path of a file under app/: route groups `(x)` and private folders do not count. */
function urlPathOf(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join('/')}`;
}

/** The HTTP methods a route.ts exports: `export const GET`, `export async function POST`, `export { x as PUT }`. */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(match[1] as string);
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (match[1] as string).split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) found.add(name);
    }
  }
  return [...found].filter((name) => METHODS.includes(name)).sort();
}

test('the manifest lists exactly the API routes and methods app/ exports', () => {
  const onDisk = filesNamed(APP, 'route.ts').flatMap((file) => exportedMethods(readFileSync(file, 'utf8')).map((method) => `${method} ${urlPathOf(file)}`));
  expect(onDisk.length).toBeGreaterThan(50);
  const listed = API_ROUTES.map((route) => `${route.method} ${route.path}`);
  expect(new Set(listed).size, 'each route and method listed once').toBe(listed.length);
  expect(listed.filter((entry) => !onDisk.includes(entry)), 'listed but gone').toEqual([]);
  expect(onDisk.filter((entry) => !listed.includes(entry)), 'in app/ but not in e2e/attack/route-manifest.ts').toEqual([]);
});

test('the manifest lists exactly the pages app/ has', () => {
  const onDisk = filesNamed(APP, 'page.tsx').map(urlPathOf);
  const listed = PAGES.map((page) => page.path);
  expect(new Set(listed).size, 'each page listed once').toBe(listed.length);
  expect(listed.filter((entry) => !onDisk.includes(entry)), 'listed but gone').toEqual([]);
  expect(onDisk.filter((entry) => !listed.includes(entry)), 'in app/ but not in e2e/attack/route-manifest.ts').toEqual([]);
});

// Permissions that guard no route of their own, each with the reason; anything else unused fails.
const NOT_ROUTE_GUARDS: Record<string, string> = {
  'escalations.approve-repersonalisation': 'a rule inside decide-escalation (approving for a masked traveller), not a route guard',
};

test('every permission the manifest names exists, and every permission guards some route', () => {
  const named = [...API_ROUTES, ...PAGES].flatMap((entry) => ('permission' in entry.grant ? [entry.grant.permission] : []));
  expect(named.filter((permission) => !PERMISSIONS.includes(permission))).toEqual([]);
  const unguarded = PERMISSIONS.filter((permission) => !named.includes(permission) && !(permission in NOT_ROUTE_GUARDS));
  expect(unguarded, 'a permission no route checks').toEqual([]);
});
