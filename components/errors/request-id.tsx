'use client';

import { usePathname } from 'next/navigation';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

// The request id proxy.ts stamped on the document request (X-Request-Id), so that an
// error page can show the id the server's log line carries. After a client-side
// navigation the failing request is another one, whose id the browser never sees; then
// error pages show the error's digest instead, which the same log line also carries.
const RequestIdContext = createContext<string | null>(null);

export function RequestIdProvider({ requestId, children }: { requestId: string | null; children: ReactNode }) {
  const pathname = usePathname();
  const first = useRef(pathname);
  const [navigated, setNavigated] = useState(false);
  useEffect(() => {
    if (pathname !== first.current) setNavigated(true);
  }, [pathname]);
  return <RequestIdContext.Provider value={navigated ? null : requestId}>{children}</RequestIdContext.Provider>;
}

/** The id of the request that rendered this document, or null after a client-side navigation. */
export function useRequestId(): string | null {
  return useContext(RequestIdContext);
}
