import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi-document';
import { answerInScope } from '@/server/http/request-scope';

// Public: the document describes the API's shape and holds no data, and integrators
// fetch it before they hold a token. Built once per process; it changes only with a deploy.
let document: ReturnType<typeof openApiDocument> | undefined;

export function GET() {
  document ??= openApiDocument();
  const body = document;
  // A request id like every API answer's (proxy.ts, which stamps pages', does not run here).
  return answerInScope(async () => NextResponse.json(body, { headers: { 'Cache-Control': 'public, max-age=300' } }));
}
