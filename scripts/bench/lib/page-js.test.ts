import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync, constants } from 'node:zlib';
import { pageJsSizes, pageJsTable } from './page-js.mts';

test('a page loads the root chunks and its manifest entries, each counted once, gzipped', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'page-js-'));
  try {
    const next = path.join(dir, '.next');
    const chunk = (name: string, text: string) => {
      mkdirSync(path.join(next, 'static/chunks'), { recursive: true });
      writeFileSync(path.join(next, 'static/chunks', name), text);
      return gzipSync(Buffer.from(text), { level: constants.Z_BEST_COMPRESSION }).length;
    };
    const root = chunk('root.js', 'console.log("root");'.repeat(50));
    const layout = chunk('layout.js', 'console.log("layout");'.repeat(20));
    const page = chunk('hits.js', 'console.log("hits page");'.repeat(30));
    chunk('styles.css', 'body{}');
    writeFileSync(path.join(next, 'build-manifest.json'), JSON.stringify({ rootMainFiles: ['static/chunks/root.js'], polyfillFiles: ['static/chunks/polyfill.js'] }));
    const manifest = (route: string, entries: Record<string, string[]>) => {
      const folder = path.join(next, 'server/app', route);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'page_client-reference-manifest.js'),
        `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/${route}/page"] = ${JSON.stringify({ entryJSFiles: entries })};`);
    };
    manifest('(app)/hits', { '[project]/app/layout': ['static/chunks/layout.js'], '[project]/app/(app)/hits/page': ['static/chunks/layout.js', 'static/chunks/hits.js', 'static/chunks/styles.css'] });
    manifest('_not-found', { '[project]/app/layout': ['static/chunks/layout.js'] });

    const pages = pageJsSizes(dir);
    assert.deepEqual(pages.map((p) => p.route), ['/hits']);
    assert.equal(pages[0]?.chunks, 3);
    assert.equal(pages[0]?.gzipBytes, root + layout + page);
    assert.deepEqual(pages[0]?.files, ['/_next/static/chunks/root.js', '/_next/static/chunks/layout.js', '/_next/static/chunks/hits.js']);

    // The table marks a page over the budget, and counts it.
    const small = pageJsTable(pages, root + layout + page);
    assert.equal(small.over, 0);
    assert.match(small.lines[1] ?? '', /^\/hits\s+3\s.*ok$/);
    const tight = pageJsTable(pages, root + layout + page - 1);
    assert.equal(tight.over, 1);
    assert.match(tight.lines[1] ?? '', /OVER by 0\.0 KB$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
