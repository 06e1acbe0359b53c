// The JavaScript each page of a production build makes the browser load, from the build's
// own manifests: Next 16 (Turbopack) no longer prints sizes, but it writes, per page, a
// client reference manifest (.next/server/app/<route>/page_client-reference-manifest.js)
// whose entryJSFiles list the chunks of the page and of every layout, error, loading and
// not-found boundary above it; build-manifest.json lists the chunks every page loads first
// (rootMainFiles). A page's JS is the union of both, measured gzipped (level 9, as Next's
// build output measured it). Chunks loaded later by a dynamic import() are not counted: the
// app imports that way only what waits for the user (the session-timeout dialog when it is
// due); e2e/page-js.spec.ts loads every page in a browser and checks that every script it
// fetches, until the network is idle after hydration, is among the chunks counted here.
// The legacy polyfills (nomodule, never loaded by a current browser) are left out.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { constants, gzipSync } from 'node:zlib';

export interface PageJs {
  /** The URL pattern, e.g. /hits/[id] (route groups left out). */
  route: string;
  chunks: number;
  bytes: number;
  gzipBytes: number;
  /** The chunks counted, as the browser asks for them (/_next/static/chunks/…). */
  files: string[];
}

/** The issue's budget for each page (issue 11): 200 KB gzipped. */
export const PAGE_JS_TARGET_BYTES = 200 * 1024;

function manifests(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return manifests(full);
    return entry.name === 'page_client-reference-manifest.js' ? [full] : [];
  });
}

/** The manifest file assigns globalThis.__RSC_MANIFEST[<page>]; run it in a sandbox and read what it set. */
function entryFiles(file: string): string[] {
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox, { timeout: 5000 });
  return Object.values(sandbox.__RSC_MANIFEST ?? {}).flatMap((manifest) => Object.values(manifest.entryJSFiles ?? {}).flat());
}

/** Every app page of the build in `appDir/.next`, biggest first. */
export function pageJsSizes(appDir: string): PageJs[] {
  const next = path.join(appDir, '.next');
  const buildManifest = JSON.parse(readFileSync(path.join(next, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  const sizes = new Map<string, { bytes: number; gzipBytes: number }>();
  const sizeOf = (chunk: string) => {
    let size = sizes.get(chunk);
    if (!size) {
      const content = readFileSync(path.join(next, chunk.replace(/^\/?_next\//, '')));
      size = { bytes: content.length, gzipBytes: gzipSync(content, { level: constants.Z_BEST_COMPRESSION }).length };
      sizes.set(chunk, size);
    }
    return size;
  };
  const appRoot = path.join(next, 'server', 'app');
  const pages = manifests(appRoot).map((file): PageJs => {
    const segments = path.relative(appRoot, path.dirname(file)).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
    const chunks = [...new Set([...(buildManifest.rootMainFiles ?? []), ...entryFiles(file)].filter((chunk) => chunk.endsWith('.js')))];
    const total = chunks.map(sizeOf).reduce((sum, size) => ({ bytes: sum.bytes + size.bytes, gzipBytes: sum.gzipBytes + size.gzipBytes }), { bytes: 0, gzipBytes: 0 });
    const files = chunks.map((chunk) => `/_next/${chunk.replace(/^\/?(_next\/)?/, '')}`);
    return { route: `/${segments.join('/')}`, chunks: chunks.length, ...total, files };
  });
  return pages.filter((page) => !page.route.startsWith('/_')).sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The pages as a table (biggest first), each over the budget marked; and how many are. */
export function pageJsTable(pages: readonly PageJs[], target = PAGE_JS_TARGET_BYTES): { lines: string[]; over: number } {
  const width = Math.max(5, ...pages.map((page) => page.route.length));
  const lines = [
    `${'page'.padEnd(width)}  chunks  raw KB  gzipped KB  budget ${kb(target)} KB`,
    ...pages.map(
      (page) =>
        `${page.route.padEnd(width)}  ${String(page.chunks).padStart(6)}  ${kb(page.bytes).padStart(6)}  ${kb(page.gzipBytes).padStart(10)}  ${page.gzipBytes > target ? `OVER by ${kb(page.gzipBytes - target)} KB` : 'ok'}`,
    ),
  ];
  return { lines, over: pages.filter((page) => page.gzipBytes > target).length };
}
