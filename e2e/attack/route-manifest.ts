import type { Permission } from './permission-table';

// Every page and every API route + method of app/, with what grants it. The attack matrix
// (matrix.spec.ts) is generated from this and the permission table; manifest.spec.ts fails
// when app/ has a route or page this file does not list, or lists one that is gone, so a
// new endpoint cannot escape the suite.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The objects a route's [param] can name; fixtures.ts makes one of each per owner. */
export type ObjectKind = 'hit' | 'escalation' | 'package' | 'user' | 'api-token' | 'screening' | 'watchlist' | 'data-class' | 'traveller' | 'retention-run';

export type Grant =
  /** callerMay(caller, permission): the role's permissions or the token's scopes. */
  | {
      permission: Permission;
      /** not-own: refused on the caller's own object (own role, own account); own-only: refused on another's. */
      object?: 'not-own' | 'own-only';
      /** A token reaches only the objects it submitted itself (answered 404, recorded). */
      tokens?: 'own-only';
    }
  /** Anyone, signed in or not. */
  | { rule: 'public' }
  /** Any signed-in user (a token is not a user). */
  | { rule: 'signed-in' }
  /** Only the requester or approver of the escalation (getDisclosurePackage). */
  | { rule: 'package-party' }
  /** Reached only through proxy.ts's rewrite: 404 to everyone directly. */
  | { rule: 'internal' };

/** The ids a probe needs; filled by the fixtures before the matrix runs. */
export interface Objects {
  id: string;
  recipientId: string;
  otherHitId: string;
  otherAnalystId: string;
  watchlistThreshold: number | null;
  anomalyRule: string;
}

export interface ApiEntry {
  kind: 'api';
  path: string;
  method: Method;
  grant: Grant;
  object?: ObjectKind;
  /** Query string the route needs to do its job. */
  query?: string;
  /** A schema-valid body that is harmless when allowed (stale versions, existing emails …). */
  body?: (objects: Objects) => unknown;
  /** A raw (non-JSON) body. */
  text?: string;
  /** What an allowed caller gets; anything else, or a DENIED event, fails. */
  allowed: number[];
  /** Not walked by the matrix, with the reason. */
  skip?: string;
  /** A valid token is answered 404 without a DENIED event, with the reason (an exemption, not the rule). */
  tokenNotFound?: string;
}

export interface PageEntry {
  kind: 'page';
  path: string;
  grant: Grant;
  object?: ObjectKind;
  /** What an allowed caller gets (a 307 must not lead to /login). */
  allowed: number[];
}

const STALE = 999_999;
const JUSTIFICATION = 'Attack suite probe: a justification long enough to pass the schema’s minimum length.';
const OK = [200];
const PERIOD = 'from=2026-01-01&to=2026-12-31';

export const API_ROUTES: readonly ApiEntry[] = [
  { kind: 'api', path: '/api/auth/[...nextauth]', method: 'GET', grant: { rule: 'public' }, allowed: OK, skip: 'next-auth’s own endpoints (session, csrf, providers): auth.spec.ts' },
  { kind: 'api', path: '/api/auth/[...nextauth]', method: 'POST', grant: { rule: 'public' }, allowed: OK, skip: 'next-auth’s sign-in/out with its own CSRF token: auth.spec.ts' },
  ...(['POST', 'PUT', 'PATCH', 'DELETE'] as const).map((method): ApiEntry => ({ kind: 'api', path: '/api/internal/cross-site-refusal', method, grant: { rule: 'internal' }, allowed: [404] })),

  { kind: 'api', path: '/api/v1/access-log', method: 'GET', grant: { permission: 'access-log.read' }, allowed: OK },
  { kind: 'api', path: '/api/v1/access-log/anomalies', method: 'GET', grant: { permission: 'access-log.read' }, allowed: OK },
  {
    kind: 'api', path: '/api/v1/access-log/anomalies/review', method: 'POST', grant: { permission: 'access-log.read' },
    body: (o) => ({ rule: o.anomalyRule, itemKey: `attack-suite-${o.id}`, note: 'attack suite probe' }), allowed: [201, 409],
  },
  { kind: 'api', path: '/api/v1/access-log/export', method: 'GET', grant: { permission: 'access-log.export' }, query: '?format=json&operation=LOGIN', allowed: OK },
  { kind: 'api', path: '/api/v1/access-log/person/[travellerId]/export', method: 'GET', grant: { permission: 'access-log.export' }, object: 'traveller', allowed: OK },
  { kind: 'api', path: '/api/v1/access-log/verify', method: 'POST', grant: { permission: 'access-log.verify' }, allowed: [202] },
  { kind: 'api', path: '/api/v1/access-log/verify', method: 'GET', grant: { permission: 'access-log.verify' }, allowed: OK },

  // A common new password is refused (400) before the current one is checked, so no failure counts.
  { kind: 'api', path: '/api/v1/account/totp', method: 'POST', grant: { rule: 'signed-in' }, allowed: [200, 409] },
  { kind: 'api', path: '/api/v1/account/totp/confirm', method: 'POST', grant: { rule: 'signed-in' }, body: () => ({ code: '000000' }), allowed: [400] },
  // Nobody in the matrix has a second factor on: 409 past the permission.
  { kind: 'api', path: '/api/v1/account/totp/disable', method: 'POST', grant: { rule: 'signed-in' }, body: () => ({ code: '000000' }), allowed: [409] },
  { kind: 'api', path: '/api/v1/account/password', method: 'POST', grant: { rule: 'signed-in' }, body: () => ({ currentPassword: 'not-the-current-one', newPassword: 'password1234' }), allowed: [400] },

  { kind: 'api', path: '/api/v1/api-tokens', method: 'GET', grant: { permission: 'api-tokens.manage' }, allowed: OK },
  { kind: 'api', path: '/api/v1/api-tokens', method: 'POST', grant: { permission: 'api-tokens.manage' }, body: () => ({ name: 'attack suite probe', scopes: ['batches:read'], expiresInDays: 1 }), allowed: [201] },
  { kind: 'api', path: '/api/v1/api-tokens/[id]/revoke', method: 'POST', grant: { permission: 'api-tokens.manage' }, object: 'api-token', allowed: [200, 409] },

  { kind: 'api', path: '/api/v1/escalations', method: 'GET', grant: { permission: 'escalations.list' }, allowed: OK },
  { kind: 'api', path: '/api/v1/escalations/[id]', method: 'GET', grant: { permission: 'escalations.list' }, object: 'escalation', allowed: OK },
  {
    kind: 'api', path: '/api/v1/escalations/[id]/decision', method: 'POST', grant: { permission: 'escalations.approve', object: 'not-own' }, object: 'escalation',
    body: () => ({ decision: 'reject', note: 'attack suite probe: stale version', version: STALE }), allowed: [409],
  },
  {
    kind: 'api', path: '/api/v1/escalations/[id]/dpo-review', method: 'POST', grant: { permission: 'escalations.review-repersonalisation' }, object: 'escalation',
    body: () => ({ note: 'attack suite probe review' }), allowed: [409],
  },
  { kind: 'api', path: '/api/v1/escalations/[id]/package', method: 'GET', grant: { rule: 'package-party' }, object: 'package', allowed: OK },
  { kind: 'api', path: '/api/v1/escalations/[id]/package/download', method: 'GET', grant: { rule: 'package-party' }, object: 'package', allowed: OK },
  { kind: 'api', path: '/api/v1/escalations/[id]/withdraw', method: 'POST', grant: { permission: 'escalations.request', object: 'own-only' }, object: 'escalation', allowed: [200, 409] },

  { kind: 'api', path: '/api/v1/hits', method: 'GET', grant: { permission: 'hits.list' }, allowed: OK },
  // Ingestion routes check the permission before reading the body: an empty body is a 400 past it.
  { kind: 'api', path: '/api/v1/hits', method: 'POST', grant: { permission: 'hits.write' }, body: () => ({}), allowed: [400] },
  { kind: 'api', path: '/api/v1/hits/[id]', method: 'GET', grant: { permission: 'hits.read' }, object: 'hit', allowed: OK },
  { kind: 'api', path: '/api/v1/hits/[id]/claim', method: 'POST', grant: { permission: 'hits.decide' }, object: 'hit', allowed: [200, 409] },
  {
    kind: 'api', path: '/api/v1/hits/[id]/decision', method: 'POST', grant: { permission: 'hits.decide' }, object: 'hit',
    body: () => ({ decision: 'clear', reason: 'DIFFERENT_NATIONALITY', version: STALE }), allowed: [409],
  },
  {
    kind: 'api', path: '/api/v1/hits/[id]/escalations', method: 'POST', grant: { permission: 'escalations.request' }, object: 'hit',
    body: (o) => ({
      legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: JUSTIFICATION,
      necessity: JUSTIFICATION, dataCategories: ['PASSPORT'], recipientId: o.recipientId, urgency: 'ROUTINE', hitVersion: STALE,
    }),
    allowed: [409],
  },
  { kind: 'api', path: '/api/v1/hits/[id]/notes', method: 'POST', grant: { permission: 'hits.decide' }, object: 'hit', body: () => ({ note: 'attack suite probe' }), allowed: [201] },
  { kind: 'api', path: '/api/v1/hits/[id]/release', method: 'POST', grant: { permission: 'hits.decide' }, object: 'hit', allowed: [200, 409] },
  { kind: 'api', path: '/api/v1/hits/[id]/reveal', method: 'POST', grant: { permission: 'hits.reveal' }, object: 'hit', body: () => ({ field: 'familyName', purpose: 'IDENTITY_COMPARISON' }), allowed: OK },
  { kind: 'api', path: '/api/v1/hits/assign', method: 'POST', grant: { permission: 'hits.assign' }, body: (o) => ({ hitIds: [o.otherHitId], assigneeId: o.otherAnalystId }), allowed: OK },
  { kind: 'api', path: '/api/v1/hits/assignees', method: 'GET', grant: { permission: 'hits.assign' }, allowed: OK },
  { kind: 'api', path: '/api/v1/hits/next', method: 'POST', grant: { permission: 'hits.decide' }, allowed: [200, 404] },

  { kind: 'api', path: '/api/v1/metrics', method: 'GET', grant: { permission: 'metrics.read' }, query: `?${PERIOD}`, allowed: OK },
  { kind: 'api', path: '/api/v1/metrics/export', method: 'GET', grant: { permission: 'metrics.read' }, query: `?chart=funnel&${PERIOD}`, allowed: OK },
  { kind: 'api', path: '/api/v1/metrics/pnr-statistics', method: 'GET', grant: { permission: 'metrics.read' }, query: `?${PERIOD}`, allowed: OK },
  { kind: 'api', path: '/api/v1/openapi.json', method: 'GET', grant: { rule: 'public' }, allowed: OK },
  { kind: 'api', path: '/api/v1/recipients', method: 'GET', grant: { permission: 'escalations.request' }, allowed: OK },

  { kind: 'api', path: '/api/v1/retention/holds', method: 'GET', grant: { permission: 'retention.read' }, allowed: OK },
  { kind: 'api', path: '/api/v1/retention/policies', method: 'GET', grant: { permission: 'retention.read' }, allowed: OK },
  // The class's body is checked after the permission (server/retention/update-retention-policy.ts).
  { kind: 'api', path: '/api/v1/retention/policies/[dataClass]', method: 'PATCH', grant: { permission: 'retention.manage' }, object: 'data-class', body: () => ({ attackSuite: true }), allowed: [400] },
  { kind: 'api', path: '/api/v1/retention/runs', method: 'GET', grant: { permission: 'retention.read' }, allowed: OK },
  { kind: 'api', path: '/api/v1/retention/runs', method: 'POST', grant: { permission: 'retention.manage' }, body: () => ({ dryRun: true }), allowed: [202, 409] },
  // The fixture run has finished: stopping it is refused (409), as every run but one in progress.
  { kind: 'api', path: '/api/v1/retention/runs/[id]/stop', method: 'POST', grant: { permission: 'retention.manage' }, object: 'retention-run', allowed: [202, 409] },

  { kind: 'api', path: '/api/v1/screenings', method: 'POST', grant: { permission: 'travellers.write' }, body: () => ({}), allowed: [400] },
  { kind: 'api', path: '/api/v1/screenings/[id]', method: 'GET', grant: { permission: 'screenings.read', tokens: 'own-only' }, object: 'screening', allowed: OK },

  { kind: 'api', path: '/api/v1/users', method: 'GET', grant: { permission: 'users.manage' }, allowed: OK },
  { kind: 'api', path: '/api/v1/users', method: 'POST', grant: { permission: 'users.manage' }, body: () => ({ email: 'analyst@proportio.test', name: 'Attack Probe', role: 'ANALYST', unit: 'Attack suite' }), allowed: [409] },
  { kind: 'api', path: '/api/v1/users/[id]/active', method: 'POST', grant: { permission: 'users.manage', object: 'not-own' }, object: 'user', body: () => ({ active: true }), allowed: [200, 409] },
  { kind: 'api', path: '/api/v1/users/[id]/role', method: 'POST', grant: { permission: 'users.manage', object: 'not-own' }, object: 'user', body: () => ({ role: 'ANALYST' }), allowed: OK },
  { kind: 'api', path: '/api/v1/users/[id]/totp-reset', method: 'POST', grant: { permission: 'users.manage' }, object: 'user', allowed: [200, 409] },
  { kind: 'api', path: '/api/v1/users/[id]/unlock', method: 'POST', grant: { permission: 'users.manage' }, object: 'user', allowed: [200, 409] },

  ...(['GET', 'POST'] as const).map((method): ApiEntry => ({
    kind: 'api', path: '/api/v1/session', method, grant: { rule: 'signed-in' }, allowed: OK,
    tokenNotFound: 'a token has no session to report (app/api/v1/session: 404, unrecorded)',
  })),

  { kind: 'api', path: '/api/v1/watchlists', method: 'GET', grant: { permission: 'watchlists.write' }, allowed: OK },
  { kind: 'api', path: '/api/v1/watchlists/[source]', method: 'PATCH', grant: { permission: 'watchlists.manage' }, object: 'watchlist', body: (o) => ({ matchThreshold: o.watchlistThreshold }), allowed: OK },
  { kind: 'api', path: '/api/v1/watchlists/[source]/entries', method: 'POST', grant: { permission: 'watchlists.write' }, object: 'watchlist', body: () => ({}), allowed: [400] },
  { kind: 'api', path: '/api/v1/watchlists/[source]/import', method: 'POST', grant: { permission: 'watchlists.write' }, object: 'watchlist', text: '', allowed: [200, 400] },
];

export const PAGES: readonly PageEntry[] = [
  { kind: 'page', path: '/', grant: { rule: 'signed-in' }, allowed: [307] },
  { kind: 'page', path: '/access-log', grant: { permission: 'access-log.read' }, allowed: OK },
  { kind: 'page', path: '/access-log/anomalies', grant: { permission: 'access-log.read' }, allowed: OK },
  { kind: 'page', path: '/access-log/person/[travellerId]', grant: { permission: 'access-log.read' }, object: 'traveller', allowed: OK },
  { kind: 'page', path: '/access-log/repersonalisations', grant: { permission: 'escalations.review-repersonalisation' }, allowed: OK },
  { kind: 'page', path: '/account', grant: { rule: 'signed-in' }, allowed: OK },
  // Only for a user who must replace an initial password; everyone else is sent on to /account.
  { kind: 'page', path: '/account/password', grant: { rule: 'signed-in' }, allowed: [307] },
  // Only for a user whose role requires two-step sign-in and who has none; everyone else is sent on.
  { kind: 'page', path: '/account/two-factor', grant: { rule: 'signed-in' }, allowed: [307] },
  { kind: 'page', path: '/admin', grant: { permission: 'users.manage' }, allowed: OK },
  { kind: 'page', path: '/admin/api-tokens', grant: { permission: 'api-tokens.manage' }, allowed: OK },
  { kind: 'page', path: '/admin/retention', grant: { permission: 'retention.read' }, allowed: OK },
  { kind: 'page', path: '/admin/users', grant: { permission: 'users.manage' }, allowed: OK },
  { kind: 'page', path: '/admin/watchlists', grant: { permission: 'watchlists.manage' }, allowed: OK },
  { kind: 'page', path: '/api-docs', grant: { rule: 'signed-in' }, allowed: OK },
  { kind: 'page', path: '/escalations', grant: { permission: 'escalations.list' }, allowed: OK },
  { kind: 'page', path: '/escalations/[id]', grant: { permission: 'escalations.list' }, object: 'escalation', allowed: OK },
  { kind: 'page', path: '/escalations/[id]/package', grant: { rule: 'package-party' }, object: 'package', allowed: OK },
  { kind: 'page', path: '/hits', grant: { permission: 'hits.list' }, allowed: OK },
  { kind: 'page', path: '/hits/[id]', grant: { permission: 'hits.read' }, object: 'hit', allowed: OK },
  { kind: 'page', path: '/hits/[id]/escalate', grant: { permission: 'escalations.request' }, object: 'hit', allowed: [200, 307] },
  { kind: 'page', path: '/login', grant: { rule: 'public' }, allowed: [200, 307] },
  { kind: 'page', path: '/metrics', grant: { permission: 'metrics.read' }, allowed: OK },
];
