'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { toast } from '@/components/ui/toast';
import { Link } from '@/components/ui/app-link';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ApiError, apiFetch } from '@/lib/api-client';
import { hitKeys } from '@/lib/queries/hits';
import type { EscalationStatus, HitEscalationState } from '@/lib/schemas/escalation';
import { LocalTime } from '@/components/ui/local-time';

function useWithdrawEscalation(hitId: string, escalationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<{ id: string; status: EscalationStatus }>(`/api/v1/escalations/${encodeURIComponent(escalationId)}/withdraw`, { method: 'POST' }),
    // A refused withdrawal (already decided) also reads the hit again, to show what happened instead.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: hitKeys.detail(hitId) });
      void queryClient.invalidateQueries({ queryKey: hitKeys.lists() });
    },
  });
}

function StatusText({ escalation }: { escalation: HitEscalationState }) {
  const requested = (
    <>
      requested by {escalation.requesterName} on <LocalTime iso={escalation.createdAt} />
    </>
  );
  const decided = escalation.deciderName && escalation.decidedAt ? (
    <>
      {' '}
      by {escalation.deciderName} at <LocalTime iso={escalation.decidedAt} />
    </>
  ) : null;
  switch (escalation.status) {
    case 'PENDING':
      return (
        <>
          <strong className="font-semibold">Pending</strong> since <LocalTime iso={escalation.createdAt} />, requested by {escalation.requesterName}. A
          supervisor other than the requester decides.
        </>
      );
    case 'APPROVED':
      return (
        <>
          <strong className="font-semibold text-ok">Approved</strong>
          {decided}; {requested}.
        </>
      );
    case 'REJECTED':
      return (
        <>
          <strong className="font-semibold text-danger">Rejected</strong>
          {decided}; {requested}. The hit is back in review.
        </>
      );
    case 'WITHDRAWN':
      return (
        <>
          <strong className="font-semibold">Withdrawn</strong>
          {escalation.decidedAt ? (
            <>
              {' '}
              on <LocalTime iso={escalation.decidedAt} />
            </>
          ) : null}
          ; {requested}.
        </>
      );
  }
}

/** The hit's latest escalation request: its state, the supervisor's note, withdrawal and the package. */
export function EscalationState({ hitId, escalation }: { hitId: string; escalation: HitEscalationState }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const withdrawn = useRef(false);
  const [confirming, setConfirming] = useState(false);
  const withdraw = useWithdrawEscalation(hitId, escalation.id);

  function confirmWithdraw() {
    withdraw.mutate(undefined, {
      onSuccess: () => {
        withdrawn.current = true;
        toast.success('Escalation request withdrawn');
        setConfirming(false);
      },
      onError: (error) => {
        toast.error(error instanceof ApiError ? error.message : 'The request could not be withdrawn. Try again.');
        setConfirming(false);
      },
    });
  }

  return (
    <section aria-labelledby="escalation-heading" className="mb-6 rounded-lg border border-border p-4">
      <h2 id="escalation-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        Escalation
      </h2>
      <p className="mt-2 text-sm">
        <StatusText escalation={escalation} />
      </p>
      {escalation.decisionNote ? (
        <figure
          className={
            escalation.status === 'REJECTED'
              ? 'mt-3 rounded-md border-2 border-danger bg-danger-bg p-3'
              : 'mt-3 rounded-md border border-border bg-surface p-3'
          }
        >
          <figcaption className="text-sm font-semibold">Supervisor’s note{escalation.deciderName ? ` (${escalation.deciderName})` : ''}</figcaption>
          <blockquote className="mt-1 whitespace-pre-wrap text-base">{escalation.decisionNote}</blockquote>
        </figure>
      ) : null}
      {escalation.canWithdraw || escalation.canOpenPackage ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {escalation.canOpenPackage ? (
            <Button asChild>
              <Link href={`/escalations/${escalation.id}/package`}>Open disclosure package</Link>
            </Button>
          ) : null}
          {escalation.canWithdraw ? (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              Withdraw request
            </Button>
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => !withdraw.isPending && setConfirming(open)}
        title="Withdraw this escalation request?"
        description="The supervisor will no longer be asked to decide. The withdrawal is recorded with your name."
        confirmLabel="Yes, withdraw"
        cancelLabel="Keep the request"
        pendingLabel="Withdrawing…"
        pending={withdraw.isPending}
        onConfirm={confirmWithdraw}
        onCloseAutoFocus={(event) => {
          // The withdraw button is gone once the request is withdrawn: focus the section instead.
          if (!withdrawn.current) return;
          withdrawn.current = false;
          event.preventDefault();
          headingRef.current?.focus();
        }}
      />
    </section>
  );
}
