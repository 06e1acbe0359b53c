'use client';

import { useEffect, useState } from 'react';

/**
 * The browser's clock, read again every `intervalMs`, for relative times that update
 * ("3 h 12 min left"). `initial` is the server's render time where the page is rendered on the
 * server, so the first render matches its HTML.
 */
export function useNow(intervalMs: number, initial?: number): number {
  const [now, setNow] = useState(() => initial ?? Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
