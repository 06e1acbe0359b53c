import 'server-only';

/**
 * The event as PostgreSQL's jsonb can hold it: U+0000 and lone surrogates (which it cannot) as
 * U+FFFD, before the content is digested. A refusal records what was sent — a raw route
 * parameter, a path — and a request that carried one must still leave its event rather than
 * fail with a 500. Values that need no change (nearly all) are returned as they are, uncopied.
 */
export function jsonbSafe<T>(value: T): T {
  return storable(value) ? value : cleaned(value);
}

/** jsonbSafe for the details of one call's events, each object checked once (a queue page's events share one). */
export function memoisedSafety(): <T>(value: T) => T {
  const known = new Map<object, unknown>();
  return <T>(value: T): T => {
    if (typeof value !== 'object' || value === null) return jsonbSafe(value);
    if (!known.has(value)) known.set(value, jsonbSafe(value));
    return known.get(value) as T;
  };
}

function storable(value: unknown): boolean {
  if (typeof value === 'string') return value.isWellFormed() && !value.includes('\u0000');
  if (Array.isArray(value)) return value.every(storable);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, child] of Object.entries(value)) if (!storable(key) || !storable(child)) return false;
  }
  return true;
}

function cleaned<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed().replaceAll('\u0000', '\ufffd') as T;
  if (Array.isArray(value)) return value.map(cleaned) as T;
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [cleaned(key), cleaned(child)])) as T;
  }
  return value;
}
