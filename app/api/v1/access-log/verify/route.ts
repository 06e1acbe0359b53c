import { getLatestChainVerification, startChainVerification } from '@/server/access-log/verification-runs';
import { apiRoute } from '@/server/http/api-route';

// Starts verifying the whole chain in the background (17 minutes for 71 million events), or
// joins the verification already running: 202 with the run; the page then polls GET.
export const POST = apiRoute(async ({ caller }) => ({ run: (await startChainVerification(caller)).run }), { status: 202 });

// The latest verification, its progress or its result. Polled: it never extends the session.
export const GET = apiRoute(async ({ caller }) => ({ run: await getLatestChainVerification(caller) }), { activity: 'background' });
