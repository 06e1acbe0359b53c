'use client';

import { Button } from '@/components/ui/button';

// Unexpected failures land here; expected refusals are 403 pages, not errors.
export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-danger bg-danger-bg p-6">
      <h1 className="text-lg font-semibold text-danger">Something went wrong</h1>
      <p className="mt-1 text-sm">Nothing was changed. Try again; if it keeps happening, tell your administrator.</p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
