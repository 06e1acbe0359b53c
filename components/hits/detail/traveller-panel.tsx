import type { RevealableField } from '@/lib/schemas/hit';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import { RETENTION_NOTICE } from './detail-format';
import { LocalTime } from '@/components/ui/local-time';
import { TravellerFieldList, type RevealedValues } from './traveller-field-list';

/** The screened traveller: API data, booking data and itinerary, masked by default. */
export function TravellerPanel({
  hit,
  revealed,
  onReveal,
}: {
  hit: HitDetail;
  revealed: RevealedValues;
  onReveal: (field: RevealableField) => void;
}) {
  const canReveal = hit.can.reveal && !hit.travellerMaskedAt;
  return (
    <section aria-labelledby="traveller-heading" className="min-w-0 rounded-lg border border-border p-4">
      <h2 id="traveller-heading" className="text-lg font-semibold">
        Traveller
      </h2>
      {hit.travellerMaskedAt ? (
        <p className="mt-2 rounded-md border border-warn p-3 text-sm">
          <strong className="font-semibold text-warn">Masked under retention</strong> since{' '}
          <LocalTime iso={hit.travellerMaskedAt} dateOnly />. {RETENTION_NOTICE}
        </p>
      ) : (
        <p className="mt-1 text-sm text-muted">Identifying values are masked. Revealing one asks for a purpose and is logged.</p>
      )}
      <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">Passport and API data</h3>
      <TravellerFieldList fields={hit.traveller.api} revealed={revealed} canReveal={canReveal} onReveal={onReveal} />
      <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">Booking data</h3>
      <TravellerFieldList fields={hit.traveller.booking} revealed={revealed} canReveal={canReveal} onReveal={onReveal} />
      <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">Itinerary</h3>
      {hit.traveller.itinerary.length === 0 ? (
        <p className="text-sm text-muted">No legs recorded.</p>
      ) : (
        <div className="mt-2 relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Itinerary legs in travel order</caption>
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3">Flight</th>
                <th scope="col" className="py-1 pr-3">From</th>
                <th scope="col" className="py-1 pr-3">To</th>
                <th scope="col" className="py-1">Date</th>
              </tr>
            </thead>
            <tbody>
              {hit.traveller.itinerary.map((leg, index) => (
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
        </div>
      )}
    </section>
  );
}
