import 'server-only';
import { ForbiddenError } from '@/server/auth/errors';
import { getCaller } from '@/server/auth/session';
import type { Caller } from '@/server/auth/caller';
import { ValidationError } from '@/server/errors';
import { json } from '@/server/http/api-route';
import type { MetricsFile } from './export-metrics';

/**
 * Answers a metrics export as a file. The files are small (one row per bucket or group),
 * so they are built whole rather than streamed; failures answer as the JSON API does:
 * 401 without a session, 400 with the reason for a bad period, 403 when refused.
 */
export async function metricsFileResponse(produce: (caller: Caller) => Promise<MetricsFile>): Promise<Response> {
  const caller = await getCaller();
  if (!caller) return json({ message: 'You are not signed in.' }, 401);
  try {
    const file = await produce(caller);
    return new Response(file.body, {
      headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    if (error instanceof ValidationError) return json({ message: error.message, fieldErrors: error.fieldErrors }, 400);
    if (error instanceof ForbiddenError) return json({ message: 'You do not have permission to do this.' }, 403);
    console.error(error);
    return json({ message: 'Something went wrong on our side. Try again.' }, 500);
  }
}
