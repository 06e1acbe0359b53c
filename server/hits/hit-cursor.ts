import 'server-only';
import type { HitSort } from '@/lib/schemas/hit';

// A keyset cursor: the last row's sort value and id, base64url-encoded JSON. Opaque to
// clients; a tampered or foreign cursor decodes to null and the first page is shown.

export type CursorValue = string | number;

export function encodeHitCursor(sort: HitSort, value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeHitCursor(sort: HitSort, cursor: string): { value: CursorValue; id: string } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [cursorSort, value, id] = parsed as unknown[];
    if (cursorSort !== sort || typeof id !== 'string' || !UUID.test(id)) return null;
    if (sort === 'score') return typeof value === 'number' && Number.isFinite(value) ? { value, id } : null;
    return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? { value, id } : null;
  } catch {
    return null;
  }
}
