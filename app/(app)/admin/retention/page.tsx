import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AdminBreadcrumb } from '@/components/admin/admin-breadcrumb';
import { DataBoundary } from '@/components/layout/data-boundary';
import { RetentionSkeleton } from '@/components/layout/page-skeletons';
import { RetentionHoldList } from '@/components/retention/retention-hold-list';
import { RetentionPolicyList } from '@/components/retention/retention-policy-list';
import { RetentionRunPanel } from '@/components/retention/retention-run-panel';
import { PageHeader } from '@/components/ui/page-header';
import type { Caller } from '@/server/auth/caller';
import { callerMay } from '@/server/auth/require-permission';
import { requirePagePermission } from '@/server/auth/session';
import { listRetentionHolds } from '@/server/retention/list-retention-holds';
import { listRetentionPolicies } from '@/server/retention/list-retention-policies';
import { listRetentionRuns } from '@/server/retention/list-retention-runs';

export const metadata: Metadata = { title: 'Retention' };

// A server component renders once per request, so its clock reading is stable; the client's
// queries count their freshness from it.
function requestTime(): number {
  return Date.now();
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

// Retention policies, holds and runs (issue 8). Administrators change policies and start runs;
// privacy officers read the same page (retention.read). The first read hydrates the client's queries.
export default async function RetentionPage() {
  const caller = await requirePagePermission('retention.read', '/admin/retention');
  return (
    <>
      {/* The administration overview is the administrators'; a privacy officer comes here directly. */}
      {callerMay(caller, 'users.manage') ? <AdminBreadcrumb current="Retention" /> : null}
      <PageHeader
        title="Retention"
        description="How long travellers’ data are kept: identifying fields are masked, then records erased, on the limits below; records an open escalation needs are held. Every change of a policy is recorded in the access log."
      />
      {/* The permission is checked above (a refusal is a 403); a skeleton shows while the data are read on a client-side navigation. */}
      <DataBoundary fallback={<RetentionSkeleton />} load={() => retentionSections({ caller })} />
    </>
  );
}

async function retentionSections({ caller }: { caller: Caller }) {
  const canManage = callerMay(caller, 'retention.manage');
  const renderedAt = requestTime();
  const [policies, holds, runs] = await Promise.all([listRetentionPolicies(caller), listRetentionHolds(caller), listRetentionRuns(caller)]);
  return (
    <div className="space-y-10">
      <Section id="retention-policies" title="Policies">
        <RetentionPolicyList initialData={policies} renderedAt={renderedAt} canManage={canManage} />
      </Section>
      <Section id="retention-holds" title="Holds">
        <RetentionHoldList initialData={holds} renderedAt={renderedAt} />
      </Section>
      <Section id="retention-runs" title="Runs">
        <RetentionRunPanel initialItems={runs} renderedAt={renderedAt} canManage={canManage} />
      </Section>
    </div>
  );
}
