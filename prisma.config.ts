import { defineConfig } from 'prisma/config';

// The CLI needs a URL shape even for `generate`, which never connects;
// scripts that do connect (start, tests, drift) always set DATABASE_URL.
const url = process.env.DATABASE_URL ?? 'postgresql://placeholder:placeholder@localhost:5432/placeholder';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url },
});
