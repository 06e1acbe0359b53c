import 'server-only';
import type { Caller } from '@/server/auth/caller';
import { authenticateApiRequest } from '@/server/http/api-route';
import { errorResponse, requestContextOf } from '@/server/http/error-response';
import { answerInScope } from '@/server/http/request-scope';
import type { MetricsFile } from './export-metrics';

/**
 * Answers a metrics export as a file. The files are small (one row per bucket or group),
 * so they are built whole rather than streamed; failures answer as the JSON API does:
 * 401 without a session or token (recorded), 400 with the reason for a bad period, 403 when
 * refused (recorded by the permission check), each naming the request id.
 */
export function metricsFileResponse(request: Request, produce: (caller: Caller) => Promise<MetricsFile>): Promise<Response> {
  return answerInScope(() => answerWithFile(request, produce));
}

async function answerWithFile(request: Request, produce: (caller: Caller) => Promise<MetricsFile>): Promise<Response> {
  const requestContext = requestContextOf(request);
  try {
    const { caller, refusal } = await authenticateApiRequest(request, requestContext);
    if (!caller) return refusal;
    const file = await produce(caller);
    return new Response(file.body, {
      headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    return errorResponse(error, requestContext);
  }
}
