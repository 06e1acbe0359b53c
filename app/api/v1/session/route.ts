import { env } from '@/lib/env';
import type { SessionStatus } from '@/lib/session-activity';
import { getSignedIn } from '@/server/auth/session';
import { NotFoundError } from '@/server/errors';
import { apiRoute } from '@/server/http/api-route';

// The signed-in browser's session deadlines, for the warning before the idle sign-out.
// GET never extends the session (a background request); POST is "Stay signed in":
// user activity, so resolving the session moved its idle deadline before this answers.
async function status(): Promise<SessionStatus> {
  const signedIn = await getSignedIn();
  // An API token has no session to report.
  if (!signedIn) throw new NotFoundError('There is no session to report.');
  return {
    idleExpiresAt: signedIn.session.idleExpiresAt.toISOString(),
    absoluteExpiresAt: signedIn.session.absoluteExpiresAt.toISOString(),
    serverNow: new Date().toISOString(),
    idleMinutes: env().SESSION_IDLE_MINUTES,
  };
}

export const GET = apiRoute(() => status(), { activity: 'background' });
export const POST = apiRoute(() => status());
