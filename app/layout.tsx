import type { Metadata } from 'next';
import { GeistMono } from 'geist/font/mono';
import { GeistSans } from 'geist/font/sans';
import { cookies, headers } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { parseThemePreference, THEME_COOKIE, themeAttribute } from '@/lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Proportio', template: '%s · Proportio' },
  description: 'Review of automated screening hits, with the law’s safeguards as defaults.',
  robots: { index: false, follow: false },
};

// Every page renders per request: its scripts carry this response's CSP nonce (proxy.ts),
// which Next.js reads from the request; reading the headers here makes that so.
// The theme comes from its cookie onto <html>, so the first paint has the chosen colours
// without a script running before it (lib/theme.ts).
export default async function RootLayout({ children }: { children: ReactNode }) {
  const requestId = (await headers()).get('x-request-id');
  const theme = parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={themeAttribute(theme)} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans antialiased">
        <Providers requestId={requestId} theme={theme}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
