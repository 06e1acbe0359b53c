export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-3">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-48 animate-pulse rounded bg-border/60" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-border/40" />
      <div className="h-64 animate-pulse rounded bg-border/30" />
    </div>
  );
}
