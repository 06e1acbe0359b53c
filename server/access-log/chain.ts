import 'server-only';
import { createHash } from 'node:crypto';

// The genesis hash the chain starts from (AccessLogHead's first row).
export const GENESIS_HASH = '0'.repeat(64);

// What the hash covers: every stored column except hash and prevHash, so
// verification can recompute it from the row alone.
export interface ChainedFields {
  seq: bigint;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  role: string | null;
  operation: string;
  outcome: string;
  resourceType: string;
  resourceId: string | null;
  travellerId: string | null;
  purpose: string | null;
  recipient: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

// Stable JSON: object keys sorted at every depth, so equal data always hash equally.
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// The event's content, everything but its place in the chain (seq), which the
// chain hash binds separately so the content can be digested before the chain is locked.
export function canonicalEvent(event: Omit<ChainedFields, 'seq'>): string {
  return canonicalJson({
    at: event.at,
    actorType: event.actorType,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    role: event.role,
    operation: event.operation,
    outcome: event.outcome,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    travellerId: event.travellerId,
    purpose: event.purpose,
    recipient: event.recipient,
    requestId: event.requestId,
    ip: event.ip,
    userAgent: event.userAgent,
    details: event.details ?? null,
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** sha256 of the canonical content: computed by the writer outside the chain lock. */
export function contentHash(event: Omit<ChainedFields, 'seq'>): string {
  return sha256(canonicalEvent(event));
}

/**
 * hash = sha256(prevHash ‖ seq ‖ contentHash). The database computes the same inside
 * append_access_events() (migration 20261125180000), where the chain's head is locked.
 */
export function chainHash(prevHash: string, event: ChainedFields): string {
  return linkHash(prevHash, event.seq, contentHash(event));
}

export function linkHash(prevHash: string, seq: bigint, content: string): string {
  return sha256(`${prevHash}${seq.toString()}${content}`);
}
