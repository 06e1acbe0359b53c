import 'server-only';
import type { ApiTokenScope } from '@/lib/schemas/api-token';
import { recordAccessEvent } from '@/server/access-log/record';
import type { RequestMeta } from '@/server/auth/authenticate';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db';
import { hashTokenSecret, tokenPrefix } from './token-secret';

// lastUsedAt is for the administrator's list, not an audit trail (the access log is):
// writing it at most once a minute keeps busy integrations from updating it per request.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The caller behind an `Authorization: Bearer` token, or null. A missing, malformed,
 * unknown, revoked or expired token leaves a LOGIN_FAILED event naming why (never the
 * secret) and gets the same answer whatever the reason.
 */
export async function callerFromToken(secret: string, meta: RequestMeta): Promise<Caller | null> {
  const prefix = tokenPrefix(secret);
  const row = prefix
    ? await db().apiToken.findUnique({ where: { tokenHash: hashTokenSecret(secret) }, select: { id: true, name: true, prefix: true, scopes: true, revokedAt: true, expiresAt: true, lastUsedAt: true } })
    : null;
  const now = new Date();
  const reason = !prefix ? 'malformed' : !row ? 'unknown' : row.revokedAt ? 'revoked' : row.expiresAt && row.expiresAt <= now ? 'expired' : null;
  if (reason || !row) {
    await db().$transaction((tx) =>
      recordAccessEvent(tx, { actorType: 'ANONYMOUS', actorId: row?.id ?? null, actorLabel: prefix ? `token ${prefix}` : 'bearer token', role: null, ...meta }, {
        operation: 'LOGIN_FAILED',
        outcome: 'FAILED',
        resourceType: 'api-token',
        resourceId: row?.id ?? null,
        details: { reason: reason ?? 'unknown' },
      }),
    );
    return null;
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { actorType: 'TOKEN', actorId: row.id, actorLabel: `token ${row.name} (${row.prefix})`, role: null, scopes: row.scopes as ApiTokenScope[], ...meta };
}
