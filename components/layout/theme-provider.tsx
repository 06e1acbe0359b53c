'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { themeAttribute, themeCookie, type ThemePreference } from '@/lib/theme';

interface ThemeState {
  preference: ThemePreference;
  setPreference: (next: ThemePreference) => void;
}

const ThemeContext = createContext<ThemeState | null>(null);

/**
 * The theme the user chose, starting from the server's reading of the cookie (which also
 * rendered <html data-theme>). A change applies at once to <html> and is kept in the cookie,
 * so the next page the server renders starts in it too — no flash, no script before paint.
 */
export function ThemeProvider({ initial, children }: { initial: ThemePreference; children: ReactNode }) {
  const [preference, setState] = useState(initial);
  const setPreference = useCallback((next: ThemePreference) => {
    document.cookie = themeCookie(next, window.location.protocol === 'https:');
    const attribute = themeAttribute(next);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
    setState(next);
  }, []);
  const value = useMemo(() => ({ preference, setPreference }), [preference, setPreference]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error('useTheme needs a ThemeProvider (components/providers.tsx).');
  return state;
}
