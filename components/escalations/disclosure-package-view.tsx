import type { ReactNode } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { Link } from '@/components/ui/app-link';
import { PrintButton } from '@/components/ui/print-button';
import type { DisclosurePackageView as DisclosurePackage } from '@/lib/schemas/escalation';
import { legalBasisLabel } from './escalation-labels';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(9rem,1fr)_2fr] gap-3 py-1.5 break-inside-avoid">
      <dt className="text-muted print:text-black">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-border p-4 break-inside-avoid print:rounded-none print:border-0 print:border-t print:px-0">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-2 text-sm">{children}</div>
    </section>
  );
}

/** The disclosure as it goes to the recipient: clear values of the approved categories only. */
export function DisclosurePackageView({ pkg }: { pkg: DisclosurePackage }) {
  const download = `/api/v1/escalations/${encodeURIComponent(pkg.escalationId)}/package/download`;
  return (
    <article className="mx-auto max-w-4xl space-y-6 print:max-w-none print:space-y-4 print:text-black">
      <p className="text-sm print:hidden">
        <Link href={`/escalations/${encodeURIComponent(pkg.escalationId)}`} className="text-primary underline underline-offset-4">
          Escalation request
        </Link>
      </p>
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Disclosure package</h1>
          <p className="mt-1 text-sm text-muted print:text-black">
            For {pkg.recipient.name} ({pkg.recipient.country}) · package {pkg.id}
          </p>
        </div>
        <div className="flex gap-2 print:hidden">
          {/* `download` makes the browser fetch the file once (no client-side navigation, no second disclosure). */}
          <Link href={download} download className="inline-flex h-10 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-fg hover:opacity-90">
            Download JSON
          </Link>
          <PrintButton />
        </div>
      </header>
      <p role="note" className="rounded-md border border-warn p-3 text-sm print:border-black">
        Every view and download of this package is recorded as a disclosure to {pkg.recipient.name}.
      </p>
      <Section id="package-basis" title="Basis of the disclosure">
        <dl className="divide-y divide-border">
          <Row term="Recipient">
            {pkg.recipient.name} ({pkg.recipient.country})
          </Row>
          <Row term="Legal basis">{legalBasisLabel(pkg.legalBasis)}</Row>
          <Row term="Offence category">{pkg.offenceCategory}</Row>
          <Row term="Requested by">{pkg.requestedBy}</Row>
          <Row term="Approved by">
            {pkg.approvedBy}, <LocalTime iso={pkg.approvedAt} />
          </Row>
          <Row term="Package created">
            <LocalTime iso={pkg.createdAt} />
          </Row>
          <Row term="Expires">
            <LocalTime iso={pkg.expiresAt} />
          </Row>
        </dl>
      </Section>
      {pkg.categories.map((category) => (
        <Section key={category.key} id={`package-${category.key}`} title={category.label}>
          <dl className="divide-y divide-border">
            {category.fields.map((field) => (
              <Row key={field.label} term={field.label}>
                {field.value ?? <span className="text-muted">Not recorded</span>}
              </Row>
            ))}
          </dl>
        </Section>
      ))}
      {pkg.itinerary ? <ItinerarySection legs={pkg.itinerary} /> : null}
      <Section id="package-entry" title="Watchlist entry">
        <dl className="divide-y divide-border">
          <Row term="Name">{pkg.watchlistEntry.primaryName}</Row>
          <Row term="List">
            {pkg.watchlistEntry.source} · entry {pkg.watchlistEntry.externalId}
          </Row>
          <Row term="Offence category">{pkg.watchlistEntry.offenceCategory}</Row>
          <Row term="Legal basis">{pkg.watchlistEntry.legalBasis}</Row>
        </dl>
      </Section>
    </article>
  );
}

function ItinerarySection({ legs }: { legs: NonNullable<DisclosurePackage['itinerary']> }) {
  return (
    <Section id="package-itinerary" title="Itinerary">
      {legs.length === 0 ? (
        <p className="text-muted">No legs recorded.</p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">Itinerary legs in travel order</caption>
          <thead className="text-xs text-muted print:text-black">
            <tr>
              <th scope="col" className="py-1 pr-3">Flight</th>
              <th scope="col" className="py-1 pr-3">From</th>
              <th scope="col" className="py-1 pr-3">To</th>
              <th scope="col" className="py-1">Date</th>
            </tr>
          </thead>
          <tbody>
            {legs.map((leg, index) => (
              <tr key={`${leg.flightNumber}-${leg.date}-${index}`} className="border-t border-border">
                <td className="py-1 pr-3 font-mono">{leg.flightNumber}</td>
                <td className="py-1 pr-3">{leg.from}</td>
                <td className="py-1 pr-3">{leg.to}</td>
                <td className="py-1 whitespace-nowrap">
                  <time dateTime={leg.date}>{leg.date}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
