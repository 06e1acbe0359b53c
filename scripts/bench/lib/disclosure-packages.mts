// The disclosure package of every approved escalation that has none (scale-data.mts writes
// the approvals set-based; the package's content is the app's own disclosureContent(), so it
// holds exactly the approved categories as an approval through the app would). Idempotent.
// Needs `--conditions=react-server` (server/escalations/disclosure-content.ts).
import type { Prisma, PrismaClient } from '../../../generated/prisma/client.ts';
import type { DataCategory } from '../../../lib/schemas/escalation.ts';
import { disclosureContent, disclosureTravellerSelect } from '../../../server/escalations/disclosure-content.ts';

const BATCH = 2000;
const DAY_MS = 86_400_000;

/** Writes the missing packages, `validDays` open after the approval; answers how many. */
export async function ensureDisclosurePackages(prisma: PrismaClient, validDays: number, onProgress?: (written: number) => void): Promise<number> {
  let written = 0;
  for (;;) {
    const escalations = await prisma.escalation.findMany({
      where: { status: 'APPROVED', package: null, decidedAt: { not: null } },
      select: { id: true, decidedAt: true, dataCategories: true, hit: { select: { traveller: { select: disclosureTravellerSelect } } } },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (escalations.length === 0) return written;
    const { count } = await prisma.disclosurePackage.createMany({
      data: escalations.map((escalation) => {
        const categories = escalation.dataCategories as DataCategory[];
        const decidedAt = escalation.decidedAt as Date;
        return {
          escalationId: escalation.id,
          categories,
          content: disclosureContent(escalation.hit.traveller, categories) as unknown as Prisma.InputJsonValue,
          expiresAt: new Date(decidedAt.getTime() + validDays * DAY_MS),
          createdAt: decidedAt,
        };
      }),
      skipDuplicates: true,
    });
    written += count;
    onProgress?.(written);
    if (escalations.length < BATCH) return written;
  }
}
