// Signs in through next-auth v4's credentials flow over real HTTP, as a browser would:
// CSRF token (and its cookie), then the credentials callback; keeps the session cookie.

export interface HttpSession {
  baseUrl: string;
  /** The Cookie header to send with every request. */
  cookie: string;
}

class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq <= 0) continue;
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

// Over http:// next-auth uses unprefixed cookie names; over https:// the __Secure- ones.
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export async function signIn(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrfResponse.ok) throw new Error(`GET /api/auth/csrf answered ${csrfResponse.status}`);
  jar.take(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error('GET /api/auth/csrf returned no csrfToken');

  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: `${baseUrl}/` }),
  });
  jar.take(response);
  await response.arrayBuffer();
  if (!SESSION_COOKIES.some((name) => jar.has(name))) {
    throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}, no session cookie)`);
  }
  return { baseUrl, cookie: jar.header() };
}
