import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { RequestForm, type Recipient } from '@/components/escalations/request-form';
import { RequestHitSummary } from '@/components/escalations/request-hit-summary';
import { escalationUnavailableText } from '@/components/hits/detail/decision-panel';
import { Link } from '@/components/ui/app-link';
import { PageHeader } from '@/components/ui/page-header';
import { hitIdSchema } from '@/lib/schemas/hit';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import { ForbiddenError } from '@/server/auth/errors';
import { requirePagePermission } from '@/server/auth/session';
import { listRecipients } from '@/server/escalations/list-recipients';
import { NotFoundError } from '@/server/errors';
import { getHit } from '@/server/hits/get-hit';

export const metadata: Metadata = { title: 'Request escalation' };

// The hit is read once (getHit records the consultation); the client form receives only
// what it needs: the id, the version it escalates, the offence category and the recipients.
export default async function RequestEscalationPage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = hitIdSchema.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const caller = await requirePagePermission('escalations.request', '/hits/[id]/escalate');
  let hit: HitDetail;
  let recipients: Recipient[] = [];
  try {
    hit = await getHit(caller, parsedId.data);
    if (hit.can.escalate) recipients = await listRecipients(caller);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  return (
    <>
      <p className="mb-4 text-sm">
        <Link href={`/hits/${hit.id}`} className="text-primary underline underline-offset-4">
          Back to the hit
        </Link>
      </p>
      <PageHeader
        title="Request escalation"
        description="A supervisor other than you decides. Record the facts and the reasons as you would defend them: they are kept with the hit."
      />
      <RequestHitSummary maskedName={hit.maskedName} listName={hit.entry.sourceName} offenceCategory={hit.offenceCategory} score={hit.score} />
      {hit.can.escalate ? (
        <RequestForm hitId={hit.id} hitVersion={hit.version} hitOffenceCategory={hit.offenceCategory} recipients={recipients} />
      ) : (
        <p role="status" className="max-w-3xl rounded-md border border-warn p-4 text-sm">
          {escalationUnavailableText(hit)}
        </p>
      )}
    </>
  );
}
