import { z } from 'zod';
import { exportAccessLog } from '@/server/access-log/export-access-log';
import { NotFoundError } from '@/server/errors';
import { errorResponse, requestContextOf } from '@/server/http/error-response';
import { answerInScope } from '@/server/http/request-scope';
import { streamDownload } from '@/server/http/stream-download';

// The per-person report as a file: every event about one traveller.
export async function GET(request: Request, context: { params: Promise<{ travellerId: string }> }) {
  const { travellerId } = await context.params;
  // Answered like every refusal: the message and the request id.
  if (!z.uuid().safeParse(travellerId).success) return answerInScope(async () => errorResponse(new NotFoundError('This person does not exist.'), requestContextOf(request)));
  const format = new URL(request.url).searchParams.get('format') === 'json' ? 'json' : 'csv';
  return streamDownload(request, `person-report-${travellerId}.${format}`, format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json', (caller) =>
    exportAccessLog(caller, { travellerId }, format),
  );
}
