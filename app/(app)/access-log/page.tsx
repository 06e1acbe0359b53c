import type { Metadata } from 'next';
import { Link } from '@/components/ui/app-link';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Access log' };

export default async function Page() {
  await requirePagePermission('access-log.read', '/access-log');
  return (
    <>
      <PageHeader
        title="Access log"
        description="Who looked at which person, when and why. Search, reports and integrity verification arrive with the access-log workflow; every event is already being recorded."
      />
      <section aria-labelledby="reviews-heading" className="rounded-md border border-border p-4">
        <h2 id="reviews-heading" className="text-lg font-semibold">
          Re-personalisations to review
        </h2>
        <p className="mt-1 text-sm text-muted">
          Every approved re-personalisation of masked data (PNR art. 12(3)) is reported to you for an ex-post review.
        </p>
        <p className="mt-3">
          <Link href="/access-log/repersonalisations" className="font-medium text-primary underline">
            Open the re-personalisation reviews
          </Link>
        </p>
      </section>
    </>
  );
}
