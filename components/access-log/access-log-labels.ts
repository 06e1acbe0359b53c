import { ROLE_LABELS } from '@/lib/format';
import type { AccessOperation } from '@/lib/schemas/access-log';

// The words the log is read in: the operations of Law Enforcement Directive art. 25, plus sign-ins.
export const OPERATION_LABELS: Record<AccessOperation, string> = {
  COLLECTION: 'Collection',
  CONSULTATION: 'Consultation',
  ALTERATION: 'Alteration',
  DISCLOSURE: 'Disclosure',
  COMBINATION: 'Combination',
  ERASURE: 'Erasure',
  LOGIN: 'Sign-in',
  LOGOUT: 'Sign-out',
  LOGIN_FAILED: 'Failed sign-in',
  DENIED: 'Refused access',
};

export const OUTCOME_LABELS = { ALLOWED: 'Allowed', DENIED: 'Denied', FAILED: 'Failed' } as const;

export function operationLabel(operation: string): string {
  return operation in OPERATION_LABELS ? OPERATION_LABELS[operation as AccessOperation] : operation;
}

export function roleLabel(role: string | null): string | null {
  if (!role) return null;
  return role in ROLE_LABELS ? ROLE_LABELS[role as keyof typeof ROLE_LABELS] : role;
}

/** An id cut to its first characters for a table cell; the whole id goes in a title. */
export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 8)}…` : id;
}
