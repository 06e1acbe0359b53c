// `npm run seed` lands here (through scripts/seed.mts, which finds and migrates the
// database). Flags size the data set; reruns create nothing twice.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import { z } from 'zod';
import { PrismaClient } from '../generated/prisma/client.ts';
import { seed } from './seed.ts';

const flags = z.object({
  travellers: z.coerce.number().int().min(0).max(5_000_000).default(5000),
  hits: z.coerce.number().int().min(0).max(2_000_000).default(400),
  days: z.coerce.number().int().min(1).max(3650).default(30),
});

const { values } = parseArgs({
  options: { travellers: { type: 'string' }, hits: { type: 'string' }, days: { type: 'string' } },
  strict: true,
});
const parsed = flags.safeParse(values);
if (!parsed.success) {
  console.error(`Invalid seed options: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set; run `npm run seed`, which provides it.');
  process.exit(2);
}

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
const started = Date.now();
try {
  const summary = await seed(prisma, {
    ...parsed.data,
    sdnPath: path.join(import.meta.dirname, 'data/ofac-sdn-2024-05-03/sdn.csv'),
  });
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s:`, summary);
} finally {
  await prisma.$disconnect();
}
