'use client';

import { ErrorNotice } from '@/components/errors/error-notice';

// Unexpected failures outside the signed-in pages (the login page).
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <ErrorNotice digest={error.digest} reset={reset} />
    </main>
  );
}
