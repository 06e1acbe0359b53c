import { Link } from '@/components/ui/app-link';
import { personReportHref } from '@/lib/queries/access-log';
import type { AccessLogPage } from '@/lib/schemas/access-log';

/** The travellers a booking-reference or document-number lookup found, each with its report. */
export function PersonsFound({ persons }: { persons: NonNullable<AccessLogPage['persons']> }) {
  return (
    <section aria-labelledby="persons-found-heading" className="rounded-md border border-border p-4">
      <h2 id="persons-found-heading" className="text-lg font-semibold">
        Persons found
      </h2>
      {persons.length === 0 ? (
        <p className="mt-1 text-sm text-muted">No traveller has that booking reference or document number.</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {persons.map((person) => (
            <li key={person.travellerId}>
              <Link href={personReportHref(person.travellerId)} className="font-medium text-primary underline underline-offset-4">
                Report for {person.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
