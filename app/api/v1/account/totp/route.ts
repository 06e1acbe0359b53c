import { beginTotpSetup } from '@/server/auth/manage-totp';
import { apiRoute } from '@/server/http/api-route';

// Starts setting up the caller's own second factor: a new secret, answered once. Open to a user whose
// role requires one and who has none yet (the one thing such a session may do, with signing out).
export const POST = apiRoute(async ({ caller }) => beginTotpSetup(caller));
