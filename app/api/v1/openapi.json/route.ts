import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi-document';

// Public: the document describes the API's shape and holds no data, and integrators
// fetch it before they hold a token. Built once per process; it changes only with a deploy.
let document: ReturnType<typeof openApiDocument> | undefined;

export function GET() {
  document ??= openApiDocument();
  return NextResponse.json(document, { headers: { 'Cache-Control': 'public, max-age=300' } });
}
