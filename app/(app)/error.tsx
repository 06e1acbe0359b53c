'use client';

import { ErrorNotice } from '@/components/errors/error-notice';

// Unexpected failures land here; expected refusals are 403 pages, not errors.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice digest={error.digest} reset={reset} />;
}
