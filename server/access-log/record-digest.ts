import 'server-only';
import { createHash } from 'node:crypto';
import { canonicalJson, type ChainedFields } from './chain';

// The writer's digest of an event's content, byte for byte the text canonicalEvent() of
// ./chain.ts makes (verification recomputes it from the stored row with that function), but
// built without sorting and copying each event's keys: a queue page records 50 events per
// request, and the generic canonicalJson() was a tenth of the request's CPU time.

type Content = Omit<ChainedFields, 'seq'>;
type Key = keyof Content;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The content's keys in canonicalJson's order (sorted by UTF-16 code unit), each with its JSON name. */
const KEYS: readonly { key: Key; name: string }[] = (
  ['at', 'actorType', 'actorId', 'actorLabel', 'role', 'operation', 'outcome', 'resourceType', 'resourceId', 'travellerId', 'purpose', 'recipient', 'requestId', 'ip', 'userAgent', 'details'] as const satisfies readonly Key[]
)
  .toSorted(byCodeUnit)
  .map((key) => ({ key, name: JSON.stringify(key) }));

type Encode = (value: unknown) => string;

function encode(value: unknown): string {
  // Strings are the common case; everything else (details, a Date) goes through canonicalJson itself.
  return typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value);
}

/**
 * An encoder for the events of one call that encodes each object (details) once: a queue page's
 * 50 events share one. Only for the span of one synchronous call, so no object changes meanwhile.
 */
export function memoisedEncoder(): Encode {
  const known = new Map<object, string>();
  return (value) => {
    if (typeof value !== 'object' || value === null) return encode(value);
    let text = known.get(value);
    if (text === undefined) known.set(value, (text = encode(value)));
    return text;
  };
}

/** canonicalEvent(event), built directly. */
export function canonicalContent(event: Content, encodeValue: Encode = encode): string {
  let text = '{';
  for (const { key, name } of KEYS) {
    // canonicalEvent() passes details as `?? null`, and canonicalJson() leaves out keys whose value is undefined.
    const value = key === 'details' ? (event.details ?? null) : event[key];
    if (value === undefined) continue;
    text += `${text.length === 1 ? '' : ','}${name}:${encodeValue(value)}`;
  }
  return `${text}}`;
}

/** contentHash(event) of ./chain.ts: sha256 of the canonical content, hex. */
export function digestContent(event: Content, encodeValue: Encode = encode): string {
  return createHash('sha256').update(canonicalContent(event, encodeValue)).digest('hex');
}
