// Shown while the hit is read; the layout's navigation stays usable.
export default function HitLoading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="animate-pulse space-y-6">
      <span className="sr-only">Loading the hit…</span>
      <div className="space-y-2" aria-hidden>
        <div className="h-4 w-16 rounded bg-border" />
        <div className="h-8 w-96 max-w-full rounded bg-border" />
        <div className="h-5 w-40 rounded bg-border" />
      </div>
      <div className="h-20 rounded-lg bg-surface" aria-hidden />
      <div className="grid gap-6 lg:grid-cols-2" aria-hidden>
        <div className="h-96 rounded-lg bg-surface" />
        <div className="h-96 rounded-lg bg-surface" />
      </div>
    </div>
  );
}
