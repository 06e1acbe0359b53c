import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync, constants } from 'node:zlib';
import { chunksNamedIn, pageJsSizes, pageJsTable } from './page-js.mts';

// A dynamic import as Turbopack builds it: a loader that names the chunks to fetch, then the module.
const loader = (moduleId: number, ...chunks: string[]) => `${moduleId},e=>{e.v(t=>Promise.all(${JSON.stringify(chunks.map((chunk) => `static/chunks/${chunk}`))}.map(t=>e.l(t))).then(()=>t(${moduleId + 1})))}`;

/** A fake build in a temporary folder: chunks (answering their gzipped size), the build manifest and pages' manifests. */
function fakeBuild() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'page-js-'));
  const next = path.join(dir, '.next');
  const chunk = (name: string, text: string) => {
    mkdirSync(path.join(next, 'static/chunks'), { recursive: true });
    writeFileSync(path.join(next, 'static/chunks', name), text);
    return gzipSync(Buffer.from(text), { level: constants.Z_BEST_COMPRESSION }).length;
  };
  const manifest = (route: string, entries: Record<string, string[]>, loadable?: Record<string, { id: number; files: string[] }>) => {
    const folder = path.join(next, 'server/app', route);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, 'page_client-reference-manifest.js'),
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/${route}/page"] = ${JSON.stringify({ entryJSFiles: entries })};`,
    );
    if (loadable) {
      mkdirSync(path.join(folder, 'page'), { recursive: true });
      writeFileSync(path.join(folder, 'page', 'react-loadable-manifest.json'), JSON.stringify(loadable));
    }
  };
  mkdirSync(next, { recursive: true });
  writeFileSync(path.join(next, 'build-manifest.json'), JSON.stringify({ rootMainFiles: ['static/chunks/root.js'], polyfillFiles: ['static/chunks/polyfill.js'] }));
  return { dir, chunk, manifest, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('a page loads the root chunks and its manifest entries, each counted once, gzipped', () => {
  const build = fakeBuild();
  try {
    const root = build.chunk('root.js', 'console.log("root");'.repeat(50));
    const layout = build.chunk('layout.js', 'console.log("layout");'.repeat(20));
    const page = build.chunk('hits.js', 'console.log("hits page");'.repeat(30));
    build.chunk('styles.css', 'body{}');
    build.manifest('(app)/hits', { '[project]/app/layout': ['static/chunks/layout.js'], '[project]/app/(app)/hits/page': ['static/chunks/layout.js', 'static/chunks/hits.js', 'static/chunks/styles.css'] });
    build.manifest('_not-found', { '[project]/app/layout': ['static/chunks/layout.js'] });

    const pages = pageJsSizes(build.dir);
    assert.deepEqual(pages.map((p) => p.route), ['/hits']);
    assert.equal(pages[0]?.chunks, 3);
    assert.equal(pages[0]?.gzipBytes, root + layout + page);
    assert.deepEqual(pages[0]?.files, ['/_next/static/chunks/root.js', '/_next/static/chunks/layout.js', '/_next/static/chunks/hits.js']);
    // Nothing imported dynamically: nothing deferred.
    assert.deepEqual(pages[0]?.deferred, { chunks: 0, bytes: 0, gzipBytes: 0, files: [] });

    // The table marks a page over the budget, and counts it.
    const small = pageJsTable(pages, root + layout + page);
    assert.equal(small.over, 0);
    assert.match(small.lines[1] ?? '', /^\/hits\s+3\s.*\s0\s+0\.0\s+ok$/);
    const tight = pageJsTable(pages, root + layout + page - 1);
    assert.equal(tight.over, 1);
    assert.match(tight.lines[1] ?? '', /OVER by 0\.0 KB$/);
  } finally {
    build.done();
  }
});

test('the chunks a page imports dynamically are its deferred JS: shown apart, found through each other, outside the budget', () => {
  const build = fakeBuild();
  try {
    const root = build.chunk('root.js', 'console.log("root");'.repeat(50));
    // The layout opens a dialog lazily; the dialog's chunk lazily loads a toast library, which names the layout's own chunk again.
    const layout = build.chunk('layout.js', `console.log("layout");${loader(10, 'dialog.js', 'shared.js')}`);
    const dialog = build.chunk('dialog.js', `console.log("dialog");${loader(20, 'toast.js', 'layout.js')}`);
    const shared = build.chunk('shared.js', 'console.log("shared by lazy code");'.repeat(10));
    const toast = build.chunk('toast.js', 'console.log("toast");'.repeat(10));
    // The metrics page loads its charts with next/dynamic: in its chunk, and in its react-loadable-manifest.
    const metrics = build.chunk('metrics.js', `console.log("metrics page");${loader(30, 'charts.js', 'shared.js')}`);
    const charts = build.chunk('charts.js', 'console.log("recharts");'.repeat(400));
    // Only the loadable manifest names this one (as if the loader were written some other way).
    const chartsExtra = build.chunk('charts-extra.js', 'console.log("more charts");'.repeat(5));
    build.chunk('unrelated.js', 'console.log("another page only");');
    build.manifest('(app)/hits', { '[project]/app/layout': ['static/chunks/layout.js'] });
    build.manifest(
      '(app)/metrics',
      { '[project]/app/layout': ['static/chunks/layout.js'], '[project]/app/(app)/metrics/page': ['static/chunks/metrics.js'] },
      { 'components/metrics/lazy-charts.tsx -> ./charts': { id: 30, files: ['static/chunks/charts.js', 'static/chunks/charts-extra.js', 'static/chunks/charts.css'] } },
    );

    const pages = pageJsSizes(build.dir);
    assert.deepEqual(pages.map((p) => p.route), ['/metrics', '/hits']);
    const [metricsPage, hitsPage] = pages;
    // First load: as before, the lazy chunks not in it.
    assert.deepEqual(metricsPage?.files, ['/_next/static/chunks/root.js', '/_next/static/chunks/layout.js', '/_next/static/chunks/metrics.js']);
    assert.equal(metricsPage?.gzipBytes, root + layout + metrics);
    // Deferred: every chunk a loader names, and what those name in turn; each once, none of the first load's, no CSS.
    assert.deepEqual(new Set(metricsPage?.deferred.files), new Set(['dialog.js', 'shared.js', 'toast.js', 'charts.js', 'charts-extra.js'].map((name) => `/_next/static/chunks/${name}`)));
    assert.equal(metricsPage?.deferred.chunks, 5);
    assert.equal(metricsPage?.deferred.gzipBytes, dialog + shared + toast + charts + chartsExtra);
    assert.deepEqual(new Set(hitsPage?.deferred.files), new Set(['dialog.js', 'shared.js', 'toast.js'].map((name) => `/_next/static/chunks/${name}`)));
    assert.equal(hitsPage?.deferred.gzipBytes, dialog + shared + toast);

    // The budget is for first load only: deferred JS over it changes nothing, but the table shows it.
    assert.ok((metricsPage?.deferred.gzipBytes ?? 0) > root + layout + metrics);
    const table = pageJsTable(pages, root + layout + metrics);
    assert.equal(table.over, 0);
    assert.match(table.lines[0] ?? '', /first load KB\s+deferred chunks\s+deferred KB/);
    const kb = ((metricsPage?.deferred.gzipBytes ?? 0) / 1024).toFixed(1).replace('.', '\\.');
    assert.match(table.lines[1] ?? '', new RegExp(`^/metrics\\s+3\\s.*\\s5\\s+${kb}\\s+ok$`));
    assert.equal(pageJsTable(pages, root + layout + metrics - 1).over, 1);
  } finally {
    build.done();
  }
});

test('the chunks named in built code: quoted chunk paths, with or without /_next/, each once', () => {
  assert.deepEqual(chunksNamedIn(`${loader(1, 'a.js', 'b-c_d.js')};x("/_next/static/chunks/e~f.js");y('static/chunks/a.js');z("static/chunks/s.css");w("static/media/font.js")`), [
    'static/chunks/a.js',
    'static/chunks/b-c_d.js',
    'static/chunks/e~f.js',
  ]);
  assert.deepEqual(chunksNamedIn('console.log("no chunks here")'), []);
});
