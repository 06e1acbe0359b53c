import 'server-only';
import { ForbiddenError } from '@/server/auth/errors';
import { getCaller } from '@/server/auth/session';
import type { Caller } from '@/server/auth/caller';
import { json } from './api-route';

/**
 * Answers with a file streamed from an async generator of text chunks, so a large export
 * never sits in memory; refusals before the first byte answer as the JSON API does.
 */
export async function streamDownload(
  filename: string,
  contentType: string,
  produce: (caller: Caller) => Promise<AsyncGenerator<string>>,
): Promise<Response> {
  const caller = await getCaller();
  if (!caller) return json({ message: 'You are not signed in.' }, 401);
  let chunks: AsyncGenerator<string>;
  try {
    chunks = await produce(caller);
  } catch (error) {
    if (error instanceof ForbiddenError) return json({ message: 'You do not have permission to do this.' }, 403);
    throw error;
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
