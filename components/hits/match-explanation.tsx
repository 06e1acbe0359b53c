import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { LocalTime } from '@/components/ui/local-time';
import { explanationSentences, type ExplanationVerdict } from '@/lib/hits/explanation-sentences';
import type { FieldExplanation } from '@/lib/schemas/hit-detail';

// Why the traveller matched, one sentence a field. The verdict is shown by a symbol and a word
// as well as colour, so it survives colour blindness, high contrast and greyscale print.
// The caller supplies the heading; `revealed` holds clear values the user revealed. The
// traveller's values come from the traveller row, so once retention has masked it they are
// gone here too, and the list says so as the traveller panel does.

const VERDICTS: Readonly<Record<ExplanationVerdict, { symbol: string; word: string; className: string }>> = {
  agrees: { symbol: '✓', word: 'Agrees', className: 'text-ok' },
  differs: { symbol: '✕', word: 'Differs', className: 'text-danger' },
  near: { symbol: '≈', word: 'Near miss', className: 'text-warn' },
  unknown: { symbol: '?', word: 'Unknown', className: 'text-muted' },
};

export function MatchExplanation({
  items,
  revealed,
  travellerMaskedAt,
}: {
  items: FieldExplanation[];
  revealed?: Partial<Record<string, string | null>>;
  travellerMaskedAt?: string | null;
}) {
  return (
    <>
      {travellerMaskedAt ? (
        <p className="mb-3 text-sm text-muted">
          <strong className="font-semibold text-warn">Masked under retention</strong> since{' '}
          <LocalTime iso={travellerMaskedAt} dateOnly />: the traveller’s values are no longer shown here; the listed values are.
        </p>
      ) : null}
      <ul aria-label="Match explanation" className="divide-y divide-border rounded-md border border-border">
        {explanationSentences(items, revealed).map((sentence) => {
          const verdict = VERDICTS[sentence.verdict];
          return (
            <li key={sentence.field} className="flex items-start gap-3 px-3 py-2 text-sm">
              <Badge className={cn('w-28 shrink-0 justify-start gap-1.5', verdict.className)}>
                <span aria-hidden="true">{verdict.symbol}</span>
                {verdict.word}
              </Badge>
              <span>{sentence.text}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
