// Unit tests: every *.test.ts beside the code that needs no database.
// (*.integration.test.ts run by test-integration.mts, against a real PostgreSQL.)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { findFiles } from './test/find-tests.mts';

const root = path.resolve(import.meta.dirname, '..');
const files = findFiles(root, ['lib', 'server', 'scripts', 'prisma', 'components'], (file) =>
  file.endsWith('.test.ts') && !file.endsWith('.integration.test.ts'),
);
if (files.length === 0) {
  console.error('No unit tests found.');
  process.exit(1);
}
const result = spawnSync(
  path.join(root, 'node_modules/.bin/tsx'),
  ['--conditions=react-server', '--test', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
