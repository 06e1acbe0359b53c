// The API token scopes, without zod: what the browser's forms and lists need at first load. api-
// token.ts re-exports it all; the forms load api-token.ts (and zod with it) when submitted.

export const API_TOKEN_SCOPES = {
  'watchlists:write': 'Upsert and import watchlist entries',
  'travellers:write': 'Submit travellers for screening',
  'hits:write': 'Submit hits from an external screening engine',
  'batches:read': 'Read the status and counts of screening batches',
} as const;

export type ApiTokenScope = keyof typeof API_TOKEN_SCOPES;
