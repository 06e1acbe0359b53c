import 'server-only';
import { NextResponse } from 'next/server';
import { getCaller } from '@/server/auth/session';
import { refuseCrossSite } from './cross-site-refusal';
import { CROSS_SITE_PATH_HEADER, CROSS_SITE_REASON_HEADER, isCrossSiteReason } from './same-origin';

/** The route proxy.ts rewrites refused page requests (server actions) to; without its mark, nothing is here. */
export async function refusalFromProxy(request: Request): Promise<Response> {
  const reason = request.headers.get(CROSS_SITE_REASON_HEADER);
  if (!isCrossSiteReason(reason)) return NextResponse.json({ message: 'Not found.' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return refuseCrossSite(request, reason, await getCaller().catch(() => null), { path: request.headers.get(CROSS_SITE_PATH_HEADER) ?? undefined });
}
