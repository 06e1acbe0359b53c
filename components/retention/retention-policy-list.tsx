'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { formatCount } from '@/components/admin/admin-format';
import { ApiError } from '@/lib/api-client';
import { retentionPoliciesOptions } from '@/lib/queries/retention';
import type { RetentionPolicies, RetentionPolicyView } from '@/lib/schemas/retention';
import { ACCESS_EVENT_FIXED_REASON } from '@/lib/schemas/retention-values';
import { EditRetentionPolicyDialog, type GeneralLimits } from './edit-retention-policy-dialog';
import { ACCESS_EVENT_REASON_ID, RetentionPolicyTable } from './retention-policy-table';

/** The policies, first read on the server, then kept by the client's query; administrators edit them. */
export function RetentionPolicyList({ initialData, renderedAt, canManage }: { initialData: RetentionPolicies; renderedAt: number; canManage: boolean }) {
  const { data, isError, error } = useQuery({ ...retentionPoliciesOptions(), initialData, initialDataUpdatedAt: renderedAt });
  const [editing, setEditing] = useState<RetentionPolicyView | null>(null);
  const onEdit = useCallback((policy: RetentionPolicyView) => setEditing(policy), []);
  const { bounds, items } = data;
  const general: GeneralLimits = {
    maskAfterDays: items.find((item) => item.dataClass === 'TRAVELLER_IDENTIFYING')?.inForce.maskAfterDays ?? null,
    eraseAfterDays: items.find((item) => item.dataClass === 'TRAVELLER_RECORD')?.inForce.eraseAfterDays ?? null,
  };

  return (
    <div className="space-y-4">
      <p id="retention-policies-description" className="max-w-4xl text-sm text-muted">
        Days after a traveller’s data were collected. A policy can only shorten what the law allows — at most {formatCount(bounds.maxMaskDays)} days before identifying
        data are masked (PNR Directive art. 12(2)) and {formatCount(bounds.maxEraseDays)} days before records are erased (art. 12(1)) — and never below{' '}
        {formatCount(bounds.minDays)} days, the legal minimum this installation is configured with. The retention job applies a change from its next run.
        {canManage ? null : ' You can read the policies; administrators change them.'}
      </p>
      {isError ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          Could not refresh the policies: {error instanceof ApiError ? error.message : 'the server did not answer.'} The table below is the last one loaded.
        </p>
      ) : null}
      <RetentionPolicyTable items={items} canManage={canManage} onEdit={onEdit} />
      <p id={ACCESS_EVENT_REASON_ID} className="max-w-4xl text-sm text-muted">
        The access log cannot be edited. {ACCESS_EVENT_FIXED_REASON}
      </p>
      {canManage ? <EditRetentionPolicyDialog policy={editing} bounds={bounds} general={general} onOpenChange={(open) => (open ? undefined : setEditing(null))} /> : null}
    </div>
  );
}
