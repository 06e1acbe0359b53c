import 'server-only';
import type { Role } from '@/generated/prisma/enums';

// Deny by default: a permission not listed for a role is refused. Checks name
// permissions, never roles (DESIGN.md), so a role's reach is read off this one table.
export const PERMISSIONS = [
  'hits.list',
  'hits.read',
  'hits.reveal',
  'hits.decide',
  'hits.assign',
  'escalations.request',
  'escalations.list',
  'escalations.approve',
  'escalations.approve-repersonalisation',
  'escalations.review-repersonalisation',
  'access-log.read',
  'access-log.export',
  'access-log.verify',
  'metrics.read',
  'retention.read',
  'retention.manage',
  'users.manage',
  'watchlists.manage',
  'api-tokens.manage',
  // Ingestion (issue 7): what API tokens do; administrators import watchlists from the UI too.
  'watchlists.write',
  'travellers.write',
  'hits.write',
  'screenings.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const analyst: Permission[] = ['hits.list', 'hits.read', 'hits.reveal', 'hits.decide', 'escalations.request'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  ANALYST: analyst,
  // Re-personalisation (PNR art. 12(3)) is the supervisors' by default; a unit whose law names
  // another authority moves 'escalations.approve-repersonalisation' to that role.
  SUPERVISOR: [...analyst, 'hits.assign', 'escalations.list', 'escalations.approve', 'escalations.approve-repersonalisation', 'metrics.read'],
  PRIVACY_OFFICER: [
    'access-log.read',
    'access-log.export',
    'access-log.verify',
    'escalations.review-repersonalisation',
    'metrics.read',
    // Privacy officers review retention (DESIGN.md): they read the policies, holds and runs of
    // /admin/retention — ids and counts, no personal data — but only administrators change them.
    'retention.read',
  ],
  ADMINISTRATOR: ['users.manage', 'watchlists.manage', 'watchlists.write', 'screenings.read', 'api-tokens.manage', 'retention.read', 'retention.manage'],
};

// API tokens carry scopes, not roles (DESIGN.md: a service submits data and does nothing
// else). Each scope opens exactly these permissions; nothing that reads personal data.
export const TOKEN_SCOPES = {
  'watchlists:write': ['watchlists.write'],
  'travellers:write': ['travellers.write'],
  'hits:write': ['hits.write'],
  'batches:read': ['screenings.read'],
} as const satisfies Record<string, readonly Permission[]>;

export type TokenScope = keyof typeof TOKEN_SCOPES;

export function scopesAllow(scopes: readonly TokenScope[], permission: Permission): boolean {
  return scopes.some((scope) => (TOKEN_SCOPES[scope] as readonly Permission[]).includes(permission));
}

export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
