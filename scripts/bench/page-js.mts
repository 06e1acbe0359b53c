// The JavaScript each page makes the browser load at first, gzipped, from the last production
// build (lib/page-js.mts), and beside it the page's deferred JavaScript (what its dynamic
// imports load later): `npm run bench:page-js` (after `npm run build`, which prints it too).
// Exits 1 when a page's first load is over the budget of 200 KB (issue 11), unless --report-only.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pageJsSizes, pageJsTable } from './lib/page-js.mts';

const { values } = parseArgs({ options: { 'app-dir': { type: 'string' }, 'report-only': { type: 'boolean', default: false } }, strict: true });
const appDir = path.resolve(values['app-dir'] ?? process.cwd());
const pages = pageJsSizes(appDir);
if (pages.length === 0) {
  console.error(`No pages in ${path.join(appDir, '.next')}: run npm run build first.`);
  process.exit(1);
}
const { lines, over } = pageJsTable(pages);
console.log('JavaScript per page (gzipped, level 9): at first load, which the budget is for; and deferred, loaded later by the page\'s dynamic imports:');
for (const line of lines) console.log(line);
console.log(over === 0 ? `All ${pages.length} pages within budget.` : `${over} of ${pages.length} pages over budget.`);
if (over > 0 && !values['report-only']) process.exit(1);
