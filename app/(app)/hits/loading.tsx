// Shown while the queue's first page is read on the server.
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading the hit queue…</span>
      <div aria-hidden="true" className="space-y-4 motion-safe:animate-pulse">
        <div className="h-8 w-40 rounded bg-border/60" />
        <div className="h-4 w-2/3 rounded bg-border/40" />
        <div className="flex gap-3">
          <div className="h-10 w-32 rounded-md bg-border/60" />
          <div className="h-10 w-48 rounded-md bg-border/40" />
        </div>
        <div className="h-36 rounded-md border border-border bg-surface" />
        <div className="overflow-hidden rounded-md border border-border">
          <div className="h-10 bg-surface" />
          {Array.from({ length: 8 }, (_, index) => (
            <div key={index} className="flex gap-4 border-t border-border px-3 py-3">
              <div className="h-4 w-8 rounded bg-border/50" />
              <div className="h-4 w-12 rounded bg-border/50" />
              <div className="h-4 w-40 rounded bg-border/50" />
              <div className="h-4 w-32 rounded bg-border/50" />
              <div className="h-4 w-24 rounded bg-border/50" />
              <div className="h-4 w-28 rounded bg-border/50" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
