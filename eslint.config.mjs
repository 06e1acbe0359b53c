import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Imports flow one way (CONVENTIONS.md habit 7): app → components → lib, app → server.
const restrictedZones = [
  { target: './components', from: './server', message: 'components/ must not import server/: pass data from a page.' },
  { target: './lib', from: './server', message: 'lib/ is shared with the browser: it must not import server/.' },
  { target: './components', from: './generated', message: 'components/ must not import the Prisma client.' },
  { target: './lib', from: './generated', message: 'lib/ must not import the Prisma client.' },
  { target: './app', from: './generated/prisma/client.ts', message: 'app/ reads data through server/, never Prisma.' },
  { target: './server', from: './app', message: 'server/ must not import app/.' },
  { target: './server', from: './components', message: 'server/ must not import components/.' },
  { target: './lib', from: './components', message: 'lib/ must not import components/.' },
  { target: './components', from: './app', message: 'components/ must not import app/.' },
];

// Reuse the import plugin instance eslint-config-next registers (one name, one object).
const importPlugin = nextCoreWebVitals.find((entry) => entry.plugins?.import)?.plugins.import;
const tsFiles = ['**/*.{ts,tsx,mts,cts}'];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['generated/**', '.next/**', 'node_modules/**', '.data/**', 'playwright-report/**', 'test-results/**', 'next-env.d.ts', '**/*.tmp.*'],
  },
  {
    files: tsFiles,
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { typescript: { project: './tsconfig.json' }, node: true } },
    rules: {
      'import/no-restricted-paths': ['error', { zones: restrictedZones }],
      'import/no-cycle': ['error', { maxDepth: 10 }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@prisma/client', '@prisma/client/*'], message: 'Use the generated client through server/db.ts.' },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // No SQL built from strings (ASVS V1.2): values travel as parameters of a tagged template.
      'no-restricted-properties': [
        'error',
        ...['$queryRawUnsafe', '$executeRawUnsafe'].map((property) => ({
          property,
          message:
            'SQL built from strings is banned: use the tagged template (tx.$queryRaw`… ${value} …` / $executeRaw), whose ${} are bound parameters; compose with Prisma.sql and Prisma.join, and use Prisma.raw only for identifiers the code itself writes (never input).',
        })),
      ],
    },
  },
  {
    // Prisma may only be reached through server/ (and from scripts, seed and tests).
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/generated/prisma/client', '**/generated/prisma/client*'], message: 'Read data through server/.' },
            { group: ['@/server/db', '**/server/db'], message: 'Read data through a server/ function.' },
          ],
        },
      ],
    },
  },
  {
    // Links go through components/ui/app-link.tsx, which does not prefetch pages of personal data.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['components/ui/app-link.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'next/link', message: 'Use Link from @/components/ui/app-link: it does not prefetch personal data.' }],
          patterns: [
            { group: ['@/generated/prisma/client', '**/generated/prisma/client*'], message: 'Read data through server/.' },
            { group: ['@/server/db', '**/server/db'], message: 'Read data through a server/ function.' },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call their continuation `use`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Node scripts run by the Prisma CLI and npm hooks are CommonJS on purpose.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];

export default config;
