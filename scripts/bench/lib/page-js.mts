// The JavaScript each page of a production build makes the browser load, from the build's
// own output: Next 16 (Turbopack) no longer prints sizes, but it writes, per page, a client
// reference manifest (.next/server/app/<route>/page_client-reference-manifest.js) whose
// entryJSFiles list the chunks of the page and of every layout, error, loading and not-found
// boundary above it; build-manifest.json lists the chunks every page loads first
// (rootMainFiles). A page's first-load JS is the union of both, measured gzipped (level 9, as
// Next's build output measured it); the budget (issue 11) applies to it.
//
// Its deferred JS is reported beside it, not hidden: the chunks the page's code loads later by
// a dynamic import() (next/dynamic, React.lazy, `await import()`): the charts of /metrics once
// the page is shown, zod with a form's first submit, a dialog when it opens. Turbopack writes
// each such import as a loader naming its chunks (e.l("static/chunks/…js") for each), inside
// the chunk that holds the importing module, and next/dynamic's imports are also listed in the
// page's react-loadable-manifest.json. Deferred = every chunk named that way by a first-load
// chunk, and so on from the deferred chunks themselves, less the first-load ones: what the
// page can fetch after loading, whether or not this visit needs it.
//
// e2e/page-js.spec.ts loads every page in a browser and checks that every script it fetches,
// until the network is idle after hydration, is among the chunks counted here: first-load
// chunks in the page's HTML, the others only among its deferred chunks.
// The legacy polyfills (nomodule, never loaded by a current browser) are left out.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { constants, gzipSync } from 'node:zlib';

export interface ChunkSet {
  chunks: number;
  bytes: number;
  gzipBytes: number;
  /** The chunks, as the browser asks for them (/_next/static/chunks/…). */
  files: string[];
}

export interface PageJs extends ChunkSet {
  /** The URL pattern, e.g. /hits/[id] (route groups left out). */
  route: string;
  /** Loaded later, by the page's dynamic imports; not in the first-load figures above, nor the budget. */
  deferred: ChunkSet;
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

/** A chunk as the manifests name it (static/chunks/…), whatever prefix it came with. */
const chunkName = (chunk: string) => chunk.replace(/^\/?(_next\/)?/, '');

// A chunk named in a chunk's code: Turbopack's loader for a dynamic import lists its chunks as
// string literals ("static/chunks/0abc.js").
const CHUNK_REFERENCE = /["'`](?:\/?_next\/)?(static\/chunks\/[\w.~-]+\.js)["'`]/g;

/** The chunks a piece of built code names (its dynamic imports' chunks). */
export function chunksNamedIn(code: string): string[] {
  return [...new Set([...code.matchAll(CHUNK_REFERENCE)].map((match) => match[1]!))];
}

/** The chunks next/dynamic imports of the page load, from its react-loadable-manifest.json (next to the page's manifest). */
function loadableFiles(pageDirectory: string): string[] {
  const file = path.join(pageDirectory, 'page', 'react-loadable-manifest.json');
  if (!existsSync(file)) return [];
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { files?: string[] }>;
  return Object.values(manifest).flatMap((entry) => entry.files ?? []);
}

/** Every app page of the build in `appDir/.next`, biggest first. */
export function pageJsSizes(appDir: string): PageJs[] {
  const next = path.join(appDir, '.next');
  const buildManifest = JSON.parse(readFileSync(path.join(next, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  const contents = new Map<string, Buffer>();
  const contentOf = (chunk: string) => {
    let content = contents.get(chunk);
    if (!content) {
      content = readFileSync(path.join(next, chunk));
      contents.set(chunk, content);
    }
    return content;
  };
  const sizes = new Map<string, { bytes: number; gzipBytes: number }>();
  const sizeOf = (chunk: string) => {
    let size = sizes.get(chunk);
    if (!size) {
      const content = contentOf(chunk);
      size = { bytes: content.length, gzipBytes: gzipSync(content, { level: constants.Z_BEST_COMPRESSION }).length };
      sizes.set(chunk, size);
    }
    return size;
  };
  const named = new Map<string, string[]>();
  const namedIn = (chunk: string) => {
    let chunks = named.get(chunk);
    if (!chunks) {
      chunks = chunksNamedIn(contentOf(chunk).toString('utf8'));
      named.set(chunk, chunks);
    }
    return chunks;
  };
  const measure = (chunks: string[]): ChunkSet => {
    const total = chunks.map(sizeOf).reduce((sum, size) => ({ bytes: sum.bytes + size.bytes, gzipBytes: sum.gzipBytes + size.gzipBytes }), { bytes: 0, gzipBytes: 0 });
    return { chunks: chunks.length, ...total, files: chunks.map((chunk) => `/_next/${chunk}`) };
  };
  const appRoot = path.join(next, 'server', 'app');
  const pages = manifests(appRoot).map((file): PageJs => {
    const segments = path.relative(appRoot, path.dirname(file)).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
    const isJs = (chunk: string) => chunk.endsWith('.js');
    const firstLoad = [...new Set([...(buildManifest.rootMainFiles ?? []), ...entryFiles(file)].map(chunkName).filter(isJs))];
    // What the first-load code imports later, and what that imports in turn.
    const seen = new Set(firstLoad);
    const deferred: string[] = [];
    const queue = [...firstLoad.flatMap(namedIn), ...loadableFiles(path.dirname(file)).map(chunkName).filter(isJs)];
    for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
      if (seen.has(chunk)) continue;
      seen.add(chunk);
      deferred.push(chunk);
      queue.push(...namedIn(chunk));
    }
    return { route: `/${segments.join('/')}`, ...measure(firstLoad), deferred: measure(deferred) };
  });
  return pages.filter((page) => !page.route.startsWith('/_')).sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The pages as a table (biggest first load first), each over the budget marked; and how many are. The budget is for first load; deferred JS is shown beside it. */
export function pageJsTable(pages: readonly PageJs[], target = PAGE_JS_TARGET_BYTES): { lines: string[]; over: number } {
  const width = Math.max(5, ...pages.map((page) => page.route.length));
  const lines = [
    `${'page'.padEnd(width)}  chunks  raw KB  first load KB  deferred chunks  deferred KB  first load budget ${kb(target)} KB`,
    ...pages.map(
      (page) =>
        `${page.route.padEnd(width)}  ${String(page.chunks).padStart(6)}  ${kb(page.bytes).padStart(6)}  ${kb(page.gzipBytes).padStart(13)}  ${String(page.deferred.chunks).padStart(15)}  ${kb(page.deferred.gzipBytes).padStart(11)}  ${page.gzipBytes > target ? `OVER by ${kb(page.gzipBytes - target)} KB` : 'ok'}`,
    ),
  ];
  return { lines, over: pages.filter((page) => page.gzipBytes > target).length };
}
