import 'server-only';
import { requestIdOf } from '@/server/http/request-scope';
import type { RequestMeta } from './authenticate';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name] ?? headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Request id (an API request's scope, else the one proxy.ts set), client address and user agent, for the access log. */
export function requestMetaFromHeaders(headers: HeaderSource): RequestMeta {
  const forwarded = read(headers, 'x-forwarded-for')?.split(',')[0]?.trim();
  return {
    requestId: requestIdOf(read(headers, 'x-request-id')) ?? crypto.randomUUID(),
    ip: forwarded || read(headers, 'x-real-ip') || null,
    userAgent: read(headers, 'user-agent')?.slice(0, 512) ?? null,
  };
}
