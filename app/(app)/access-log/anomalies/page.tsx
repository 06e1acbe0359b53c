import type { Metadata } from 'next';
import { AnomalyFlagSection } from '@/components/access-log/anomaly-flag-section';
import { Link } from '@/components/ui/app-link';
import { PageHeader } from '@/components/ui/page-header';
import { listAnomalies } from '@/server/access-log/anomalies/list-anomalies';
import { requirePagePermission, requireSignedIn } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Anomaly flags' };

// Read once on the server (listAnomalies records the view as an access event); the client only
// renders the flags and shows reviews in place: no background refetch, one event per view.
export default async function AnomaliesPage() {
  const caller = await requirePagePermission('access-log.read', '/access-log/anomalies');
  const { name } = await requireSignedIn();
  const flags = await listAnomalies(caller);
  return (
    <>
      <PageHeader
        title="Anomaly flags"
        description="Each flag is a named rule over the last 30 days. Reviewing a flag records your note in the access log."
        actions={
          <Link href="/access-log" className="text-sm font-medium text-primary underline underline-offset-4">
            Back to the access log
          </Link>
        }
      />
      <div className="space-y-6">
        {flags.map((flag) => (
          <AnomalyFlagSection key={flag.rule} flag={flag} reviewerName={name} />
        ))}
      </div>
    </>
  );
}
