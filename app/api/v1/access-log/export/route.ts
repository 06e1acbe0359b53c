import { parseAccessLogQuery } from '@/lib/schemas/access-log';
import { exportAccessLog } from '@/server/access-log/export-access-log';
import { streamDownload } from '@/server/http/stream-download';

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const format = params.get('format') === 'json' ? 'json' : 'csv';
  const { query } = parseAccessLogQuery(params);
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
  return streamDownload(request, `access-log-${stamp}.${format}`, format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json', (caller) =>
    exportAccessLog(caller, query, format),
  );
}
