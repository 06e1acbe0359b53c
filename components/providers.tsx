'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import '@/lib/zod-jitless';
// react-style-singleton (under Radix Dialog's scroll lock) asks get-nonce for the nonce of the <style> it inserts.
import { setNonce } from 'get-nonce';
import { RequestIdProvider } from '@/components/errors/request-id';
import { AppToaster } from '@/components/layout/app-toaster';
import { ThemeProvider } from '@/components/layout/theme-provider';
import type { ThemePreference } from '@/lib/theme';

// Radix dialogs lock scrolling with an inline <style> whose text depends on the scrollbar;
// it may only apply with this page's CSP nonce, which Next.js put on the page's scripts.
if (typeof document !== 'undefined') {
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  if (nonce) setNonce(nonce);
}

// One QueryClient per browser tab; server-rendered pages hydrate into it.
export function Providers({ requestId, theme, children }: { requestId: string | null; theme: ThemePreference; children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, refetchOnWindowFocus: true } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider initial={theme}>
        <RequestIdProvider requestId={requestId}>{children}</RequestIdProvider>
        <AppToaster />
      </ThemeProvider>
    </QueryClientProvider>
  );
}
