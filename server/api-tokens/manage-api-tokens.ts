import 'server-only';
import type { ApiTokenView, CreateApiTokenInput, CreatedApiToken } from '@/lib/schemas/api-token';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { apiTokenSelect, toApiTokenView } from './api-token-view';
import { newTokenSecret } from './token-secret';

const DAY_MS = 86_400_000;

/** Creates a token and returns its secret, once; the creation is an access event. */
export async function createApiToken(caller: Caller, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  await requirePermission(caller, 'api-tokens.manage', { type: 'api-token' });
  const { secret, prefix, hash } = newTokenSecret();
  return db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        prefix,
        tokenHash: hash,
        scopes: [...new Set(input.scopes)],
        createdById: caller.actorId,
        expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
      },
      select: apiTokenSelect,
    });
    await recordAccessEvent(tx, caller, {
      operation: 'ALTERATION',
      resourceType: 'api-token',
      resourceId: row.id,
      purpose: 'API token created',
      details: { name: row.name, prefix, scopes: row.scopes, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return { token: toApiTokenView(row), secret };
  });
}

/** Revokes a token at once: the next request that presents it is refused. */
export async function revokeApiToken(caller: Caller, tokenId: string): Promise<ApiTokenView> {
  await requirePermission(caller, 'api-tokens.manage', { type: 'api-token', id: tokenId });
  return db().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: new Date() } });
    const row = await tx.apiToken.findUnique({ where: { id: tokenId }, select: apiTokenSelect });
    if (!row) throw new NotFoundError('This API token does not exist.');
    if (count === 0) throw new ConflictError('This API token was already revoked.');
    await recordAccessEvent(tx, caller, { operation: 'ALTERATION', resourceType: 'api-token', resourceId: tokenId, purpose: 'API token revoked', details: { prefix: row.prefix } });
    return toApiTokenView(row);
  });
}

export async function listApiTokens(caller: Caller): Promise<ApiTokenView[]> {
  await requirePermission(caller, 'api-tokens.manage', { type: 'api-token' });
  const rows = await db().apiToken.findMany({ select: apiTokenSelect, orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }] });
  const now = new Date();
  return rows.map((row) => toApiTokenView(row, now));
}
