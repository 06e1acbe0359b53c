// The colour theme a user chose: follow the system setting, or always light or dark.
// Kept in a cookie so the server renders <html data-theme> with the page: the right
// colours from the first paint, with no script before it (the CSP allows none unnonced).

export const THEME_COOKIE = 'proportio-theme';

export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export const THEME_LABELS: Readonly<Record<ThemePreference, string>> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

/** A cookie's value as a preference; anything unknown (or absent) follows the system. */
export function parseThemePreference(value: string | null | undefined): ThemePreference {
  return THEME_PREFERENCES.find((preference) => preference === value) ?? 'system';
}

/** The `data-theme` attribute of <html>: none when following the system (CSS asks prefers-color-scheme). */
export function themeAttribute(preference: ThemePreference): 'light' | 'dark' | undefined {
  return preference === 'system' ? undefined : preference;
}

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The Set-Cookie text for document.cookie: a year, the whole site, never sent cross-site. */
export function themeCookie(preference: ThemePreference, secure: boolean): string {
  return `${THEME_COOKIE}=${preference}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure ? '; Secure' : ''}`;
}
