import { z } from 'zod';
import { API_TOKEN_SCOPES, type ApiTokenScope } from './api-token-values';

// What the browser needs without zod is in api-token-values.ts (zod loads with a form's submit).
export * from './api-token-values';

// API tokens: created by an administrator, shown once, used by a unit's systems to feed
// Proportio (issue 7). The scope names are the API's; server/auth/permissions.ts maps
// each to the permissions it opens.

const SCOPES = Object.keys(API_TOKEN_SCOPES) as [ApiTokenScope, ...ApiTokenScope[]];

export const createApiTokenSchema = z.strictObject({
  name: z.string().trim().min(3, 'Name the system that will use the token (at least 3 characters).').max(100, 'At most 100 characters.'),
  scopes: z.array(z.enum(SCOPES, { error: 'Unknown scope.' })).min(1, 'Choose at least one scope.').max(SCOPES.length),
  // Tokens expire: a forgotten integration should not keep working for ever.
  expiresInDays: z.coerce.number().int().min(1, 'At least 1 day.').max(730, 'At most 730 days.').default(365),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

/** The one answer that carries the secret; it is never shown again. */
export interface CreatedApiToken {
  token: ApiTokenView;
  secret: string;
}
