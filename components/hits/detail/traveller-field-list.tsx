import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { RevealableField } from '@/lib/schemas/hit';
import type { TravellerFieldView } from '@/lib/schemas/hit-detail';

export type RevealedValues = Partial<Record<RevealableField, string | null>>;

function Missing() {
  return <span className="text-muted">Not recorded</span>;
}

/** Traveller fields as a description list; masked ones say so in words and offer a reveal. */
export function TravellerFieldList({
  fields,
  revealed,
  canReveal,
  onReveal,
}: {
  fields: TravellerFieldView[];
  revealed: RevealedValues;
  canReveal: boolean;
  onReveal: (field: RevealableField) => void;
}) {
  if (fields.length === 0) return <p className="text-sm text-muted">Nothing recorded.</p>;
  return (
    <dl className="divide-y divide-border text-sm">
      {fields.map((field) => {
        const revealable = field.revealable;
        const clear = revealable ? revealed[revealable] : undefined;
        return (
          <div key={field.key} className="grid grid-cols-[minmax(7rem,2fr)_3fr] gap-3 py-2">
            <dt className="text-muted">{field.label}</dt>
            <dd className="flex min-w-0 flex-wrap items-center gap-2">
              {clear !== undefined && revealable ? (
                <>
                  <span id={`revealed-${revealable}`} tabIndex={-1} className={clear === null ? undefined : 'break-words font-mono'}>
                    {clear ?? <Missing />}
                  </span>
                  <Badge className="border-warn text-warn">Revealed</Badge>
                </>
              ) : (
                <>
                  {field.value === null ? (
                    <Missing />
                  ) : (
                    <span className={field.masked ? 'break-words font-mono' : 'break-words'}>{field.value}</span>
                  )}
                  {field.masked && field.value !== null ? <Badge className="text-muted">Masked</Badge> : null}
                  {field.masked && revealable && canReveal ? (
                    <Button
                      id={`reveal-${revealable}`}
                      type="button"
                      size="sm"
                      variant="secondary"
                      className="h-7 px-2"
                      aria-label={`Reveal ${field.label}`}
                      onClick={() => onReveal(revealable)}
                    >
                      Reveal
                    </Button>
                  ) : null}
                </>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
