import type { Metadata } from 'next';
import { RepersonalisationReviews } from '@/components/escalations/repersonalisation-reviews';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission, requireSignedIn } from '@/server/auth/session';
import { listRepersonalisationReviews } from '@/server/escalations/list-repersonalisation-reviews';

export const metadata: Metadata = { title: 'Re-personalisation reviews' };

// The privacy officer reviews every approved re-personalisation (PNR art. 12(3)) after the fact.
export default async function RepersonalisationReviewsPage() {
  const caller = await requirePagePermission('escalations.review-repersonalisation', '/access-log/repersonalisations');
  const { name } = await requireSignedIn();
  const items = await listRepersonalisationReviews(caller);
  return (
    <>
      <PageHeader
        title="Re-personalisation reviews"
        description="Every approval that made data masked under retention readable again (PNR art. 12(3)). Record whether each was lawful and proportionate; unreviewed approvals come first."
      />
      <RepersonalisationReviews initialItems={items} reviewerName={name} />
    </>
  );
}
