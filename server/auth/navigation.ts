import 'server-only';
import type { Role } from '@/generated/prisma/enums';
import { hasPermission, type Permission } from './permissions';

export interface NavItem {
  href: string;
  label: string;
}

// Each section is shown to a role that holds its permission; the page checks it again.
const SECTIONS: readonly (NavItem & { permission: Permission; coveredBy?: Permission })[] = [
  { href: '/hits', label: 'Hits', permission: 'hits.list' },
  { href: '/escalations', label: 'Escalations', permission: 'escalations.list' },
  { href: '/access-log', label: 'Access log', permission: 'access-log.read' },
  { href: '/metrics', label: 'Metrics', permission: 'metrics.read' },
  { href: '/admin', label: 'Admin', permission: 'users.manage' },
  // Privacy officers read the retention policies, holds and runs; administrators reach them from Admin.
  { href: '/admin/retention', label: 'Retention', permission: 'retention.read', coveredBy: 'users.manage' },
];

export function navigationFor(role: Role | null): NavItem[] {
  return SECTIONS.filter((section) => hasPermission(role, section.permission) && !(section.coveredBy && hasPermission(role, section.coveredBy))).map(({ href, label }) => ({
    href,
    label,
  }));
}
