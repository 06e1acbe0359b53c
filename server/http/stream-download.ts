import 'server-only';
import type { Caller } from '@/server/auth/caller';
import { authenticateApiRequest } from './api-route';
import { errorResponse, requestContextOf } from './error-response';
import { answerInScope } from './request-scope';

/**
 * Answers with a file streamed from an async generator of text chunks, so a large export
 * never sits in memory; refusals before the first byte answer as the JSON API does — the
 * caller resolved and a refusal recorded as apiRoute does it (session or token).
 */
export async function streamDownload(
  request: Request,
  filename: string,
  contentType: string,
  produce: (caller: Caller) => Promise<AsyncGenerator<string>>,
): Promise<Response> {
  return answerInScope(() => answerWithFile(request, filename, contentType, produce));
}

async function answerWithFile(request: Request, filename: string, contentType: string, produce: (caller: Caller) => Promise<AsyncGenerator<string>>): Promise<Response> {
  const requestContext = requestContextOf(request);
  let chunks: AsyncGenerator<string>;
  try {
    const { caller, refusal } = await authenticateApiRequest(request, requestContext);
    if (!caller) return refusal;
    chunks = await produce(caller);
  } catch (error) {
    return errorResponse(error, requestContext);
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
