'use client';

import { useState } from 'react';
import { toast } from '@/components/ui/toast';
import { RETENTION_NOTICE, revealTargets } from '@/components/hits/detail/detail-format';
import { EntryPanel } from '@/components/hits/detail/entry-panel';
import { RevealDialog, type RevealRequest } from '@/components/hits/detail/reveal-dialog';
import type { RevealedValues } from '@/components/hits/detail/traveller-field-list';
import { TravellerPanel } from '@/components/hits/detail/traveller-panel';
import { MatchExplanation } from '@/components/hits/match-explanation';
import { Link } from '@/components/ui/app-link';
import { formatScore } from '@/lib/format';
import type { RevealableField } from '@/lib/schemas/hit';
import type { HitDetail } from '@/lib/schemas/hit-detail';

/** The hit the request is about, masked as everywhere; a reveal asks for a purpose and is logged, as in triage. */
export function EscalationHitPanel({ hit }: { hit: HitDetail }) {
  // Clear values live here and nowhere else: not in the query cache, storage or the URL.
  const [revealed, setRevealed] = useState<RevealedValues>({});
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const targets = revealTargets(hit).filter((target) => revealed[target.field] === undefined);

  function openReveal(field: RevealableField) {
    if (hit.travellerMaskedAt) toast.info(RETENTION_NOTICE);
    else setReveal({ field, open: true });
  }

  return (
    <div className="min-w-0 space-y-6">
      <section aria-labelledby="explanation-heading" className="rounded-lg border border-border p-4">
        <h2 id="explanation-heading" className="text-lg font-semibold">
          Why this is a hit
        </h2>
        <p className="mt-1 mb-3 text-sm text-muted">
          Score <span className="tabular-nums">{formatScore(hit.score)}</span> against {hit.entry.sourceName}.{' '}
          <Link href={`/hits/${encodeURIComponent(hit.id)}`} className="text-primary underline underline-offset-4">
            Open the hit
          </Link>
        </p>
        <MatchExplanation items={hit.explanation} revealed={revealed} travellerMaskedAt={hit.travellerMaskedAt} />
      </section>
      <TravellerPanel hit={hit} revealed={revealed} onReveal={openReveal} />
      <EntryPanel entry={hit.entry} />
      {reveal ? (
        <RevealDialog
          hitId={hit.id}
          request={reveal}
          targets={targets.some((target) => target.field === reveal.field) ? targets : revealTargets(hit)}
          onOpenChange={(open) => setReveal((current) => (current ? { ...current, open } : current))}
          onRevealed={(field, value) => setRevealed((current) => ({ ...current, [field]: value }))}
        />
      ) : null}
    </div>
  );
}
