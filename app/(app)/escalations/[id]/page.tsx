import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { z } from 'zod';
import { EscalationDetailView } from '@/components/escalations/escalation-detail-view';
import type { EscalationDetail } from '@/lib/schemas/escalation';
import { ForbiddenError } from '@/server/auth/errors';
import { requirePagePermission } from '@/server/auth/session';
import { getEscalation } from '@/server/escalations/get-escalation';
import { NotFoundError } from '@/server/errors';

export const metadata: Metadata = { title: 'Escalation request' };

// Reads the request once (getEscalation records the consultation) and hands it to the client
// view, which never reads it again in the background.
export default async function EscalationPage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = z.uuid().safeParse((await params).id);
  if (!parsedId.success) notFound();
  const caller = await requirePagePermission('escalations.list', '/escalations/[id]');
  let escalation: EscalationDetail;
  try {
    escalation = await getEscalation(caller, parsedId.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  return <EscalationDetailView key={escalation.id} initialEscalation={escalation} />;
}
