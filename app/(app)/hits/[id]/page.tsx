import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { HitDetailView } from '@/components/hits/detail/hit-detail-view';
import { hitIdSchema } from '@/lib/schemas/hit';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import { ForbiddenError } from '@/server/auth/errors';
import { requirePagePermission } from '@/server/auth/session';
import { NotFoundError } from '@/server/errors';
import { getHit } from '@/server/hits/get-hit';

export const metadata: Metadata = { title: 'Hit review' };

// Reads the hit once (getHit records the consultation) and hands it to the client view,
// which never reads it again in the background.
export default async function HitPage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = hitIdSchema.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const caller = await requirePagePermission('hits.read', '/hits/[id]');
  let hit: HitDetail;
  try {
    hit = await getHit(caller, parsedId.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  return <HitDetailView key={hit.id} initialHit={hit} renderedAt={new Date().toISOString()} />;
}
