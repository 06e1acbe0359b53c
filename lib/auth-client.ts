// The browser's side of signing in and out: the two calls of next-auth/react the app makes,
// without the rest of that module (its SessionProvider, session polling and cross-tab
// broadcast, which the app does not use, and Babel's regenerator runtime): 12 KB gzipped on
// every page. The requests are the ones next-auth/react sends (next-auth 4: a CSRF token from
// /api/auth/csrf, then a form POST with `json: true`, answered with the URL to go to).

const AUTH_BASE = '/api/auth';

async function csrfToken(): Promise<string> {
  const response = await fetch(`${AUTH_BASE}/csrf`, { headers: { 'Content-Type': 'application/json' }, cache: 'no-store', credentials: 'same-origin' });
  const data = (await response.json()) as { csrfToken?: string };
  return data.csrfToken ?? '';
}

async function post(path: string, fields: Record<string, string>, callbackUrl: string): Promise<{ response: Response; url: string | undefined }> {
  const response = await fetch(`${AUTH_BASE}/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), callbackUrl, json: 'true' }),
    credentials: 'same-origin',
  });
  let url: string | undefined;
  try {
    url = ((await response.json()) as { url?: string }).url;
  } catch {
    url = undefined;
  }
  return { response, url };
}

export interface SignInResult {
  /** next-auth's error code or the message the authorize step threw; null when signed in. */
  error: string | null;
  status: number;
  ok: boolean;
  url: string | null;
}

/** Signs in with the credentials provider and stays on the page (next-auth's `redirect: false`). */
export async function signInWithCredentials(credentials: Record<string, string>, callbackUrl = window.location.href): Promise<SignInResult> {
  const { response, url } = await post('callback/credentials', credentials, callbackUrl);
  const error = url ? new URL(url, window.location.origin).searchParams.get('error') : response.ok ? null : 'CredentialsSignin';
  return { error, status: response.status, ok: response.ok, url: error ? null : (url ?? null) };
}

/** Ends the session on the server, then goes to `callbackUrl` (a full navigation). */
export async function signOut({ callbackUrl }: { callbackUrl: string }): Promise<void> {
  const { url } = await post('signout', {}, callbackUrl);
  const next = url ?? callbackUrl;
  window.location.href = next;
  // Only the fragment changed: the browser would not load the page again.
  if (next.includes('#')) window.location.reload();
}
