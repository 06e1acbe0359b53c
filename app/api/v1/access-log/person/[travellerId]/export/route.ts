import { z } from 'zod';
import { exportAccessLog } from '@/server/access-log/export-access-log';
import { json } from '@/server/http/api-route';
import { streamDownload } from '@/server/http/stream-download';

// The per-person report as a file: every event about one traveller.
export async function GET(request: Request, context: { params: Promise<{ travellerId: string }> }) {
  const { travellerId } = await context.params;
  if (!z.uuid().safeParse(travellerId).success) return json({ message: 'This person does not exist.' }, 404);
  const format = new URL(request.url).searchParams.get('format') === 'json' ? 'json' : 'csv';
  return streamDownload(request, `person-report-${travellerId}.${format}`, format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json', (caller) =>
    exportAccessLog(caller, { travellerId }, format),
  );
}
