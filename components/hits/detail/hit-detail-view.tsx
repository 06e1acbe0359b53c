'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { toast } from '@/components/ui/toast';
import { MatchExplanation } from '@/components/hits/match-explanation';
import { Button } from '@/components/ui/button';
import { ShortcutHelp } from '@/components/ui/shortcut-help';
import { useShortcuts, type Shortcut } from '@/components/ui/use-shortcuts';
import type { RevealableField } from '@/lib/schemas/hit';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import { DecisionDialog, type DecisionKind, type DecisionRequest } from './decision-dialog';
import { canDecide, decisionStateText, DecisionPanel, escalateHref, escalationUnavailableText } from './decision-panel';
import { RETENTION_NOTICE, revealTargets } from './detail-format';
import { EntryPanel } from './entry-panel';
import { EscalationState } from './escalation-state';
import { HitHeader } from './hit-header';
import { HitTimeline } from './hit-timeline';
import { NoteForm } from './note-form';
import { RevealDialog, type RevealRequest } from './reveal-dialog';
import type { RevealedValues } from './traveller-field-list';
import { TravellerPanel } from './traveller-panel';
import { useHitDetail, useNextHit } from './use-hit-actions';

/** The hit detail page: evidence side by side, the decision, the history and the shortcuts. */
export function HitDetailView({ initialHit, renderedAt }: { initialHit: HitDetail; renderedAt: string }) {
  const { data: hit } = useHitDetail(initialHit);
  const router = useRouter();
  const next = useNextHit();
  const statusRef = useRef<HTMLParagraphElement>(null);
  // Clear values live here and nowhere else: not in the query cache, storage or the URL.
  const [revealed, setRevealed] = useState<RevealedValues>({});
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const [decision, setDecision] = useState<DecisionRequest>({ kind: 'clear', open: false });
  const [helpOpen, setHelpOpen] = useState(false);

  const targets = revealTargets(hit).filter((target) => revealed[target.field] === undefined);

  function openDecision(kind: DecisionKind) {
    if (canDecide(hit)) setDecision({ kind, open: true });
    else toast.info(decisionStateText(hit));
  }

  function openReveal(field?: RevealableField) {
    const chosen = field ?? targets[0]?.field;
    if (chosen) setReveal({ field: chosen, open: true });
    else if (hit.travellerMaskedAt) toast.info(RETENTION_NOTICE);
    else toast.info(hit.can.reveal ? 'No masked field is left to reveal.' : 'Your role cannot reveal masked fields.');
  }

  function requestEscalation() {
    if (hit.can.escalate) router.push(escalateHref(hit.id));
    else toast.info(escalationUnavailableText(hit));
  }

  const shortcuts: Shortcut[] = [
    { key: 'c', description: 'Clear as false positive (asks for the reason)', run: () => openDecision('clear') },
    { key: 'f', description: 'Confirm match (asks for a note)', run: () => openDecision('confirm') },
    { key: 'e', description: 'Request escalation (opens the request form)', run: requestEscalation },
    { key: 'r', description: 'Reveal a masked field (asks for the purpose)', run: () => openReveal() },
    { key: 'n', description: 'Next hit', run: () => next.mutate() },
    { key: '?', description: 'Show keyboard shortcuts', run: () => setHelpOpen(true) },
  ];
  // Radix dialogs do not set aria-modal, so the page switches its own shortcuts off while one is open.
  useShortcuts(shortcuts, !(decision.open || reveal?.open || helpOpen));

  const actions = (
    <>
      <Button variant="ghost" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
        Keyboard shortcuts (?)
      </Button>
      <Button variant="secondary" aria-keyshortcuts="n" disabled={next.isPending} onClick={() => next.mutate()}>
        {next.isPending ? 'Opening…' : 'Next hit'}
      </Button>
    </>
  );

  return (
    <>
      <HitHeader hit={hit} renderedAt={renderedAt} statusRef={statusRef} actions={actions} />
      <DecisionPanel hit={hit} onDecide={openDecision} />
      {hit.escalation ? <EscalationState hitId={hit.id} escalation={hit.escalation} /> : null}
      <section aria-labelledby="explanation-heading" className="mb-6 rounded-lg border border-border p-4">
        <h2 id="explanation-heading" className="text-lg font-semibold">
          Why this is a hit
        </h2>
        <MatchExplanation items={hit.explanation} revealed={revealed} travellerMaskedAt={hit.travellerMaskedAt} />
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <TravellerPanel hit={hit} revealed={revealed} onReveal={openReveal} />
        <EntryPanel entry={hit.entry} />
      </div>
      <HitTimeline entries={hit.timeline}>{hit.can.note ? <NoteForm hitId={hit.id} /> : null}</HitTimeline>

      <DecisionDialog
        hitId={hit.id}
        version={hit.version}
        request={decision}
        onOpenChange={(open) => setDecision((current) => ({ ...current, open }))}
        statusRef={statusRef}
      />
      {reveal ? (
        <RevealDialog
          hitId={hit.id}
          request={reveal}
          targets={targets.some((target) => target.field === reveal.field) ? targets : revealTargets(hit)}
          onOpenChange={(open) => setReveal((current) => (current ? { ...current, open } : current))}
          onRevealed={(field, value) => setRevealed((current) => ({ ...current, [field]: value }))}
        />
      ) : null}
      <ShortcutHelp open={helpOpen} onOpenChange={setHelpOpen} shortcuts={shortcuts} />
    </>
  );
}
