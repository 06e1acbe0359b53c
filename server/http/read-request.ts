import 'server-only';
import type { z } from 'zod';
import { ClientClosedRequestError, NotFoundError, PayloadTooLargeError, ValidationError, type InputIssue } from '@/server/errors';
import { unstorableTextPath } from '@/lib/storable-values';

// What a route handler reads from its request — the body (size-limited, storable, parsed
// with a zod schema) and its parameters — each refusal an error errorResponse answers.

/** Field errors keyed by the first path segment, the first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Every issue with its full path, for machines: `travellers.3.dateOfBirth`. */
export function inputIssuesOf(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** The default body limit; endpoints that take batches or files pass their own. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const NUL_MESSAGE = 'The request holds a NUL character (U+0000), which cannot be stored. Remove it and send again.';
const UNSTORABLE_MESSAGE = 'Holds a character that cannot be stored (U+0000, or half of a surrogate pair). Remove it and send again.';

/**
 * Reads the body as text, refusing (413) one larger than maxBytes — by its declared
 * length before reading, or while streaming when it declares none — so an oversized
 * request never sits in memory whole; and (400) one holding U+0000, which no text
 * column stores (lib/storable-values.ts).
 */
export async function readText(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      // Node's "aborted" ECONNRESET: the client's socket closed mid-body, not the database's.
      throw request.signal.aborted || (error as { code?: unknown }).code === 'ECONNRESET' ? new ClientClosedRequestError(error) : error;
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.includes('\u0000')) throw new ValidationError(NUL_MESSAGE);
  return text;
}

/** Parses a JSON body with a schema; a bad body is a ValidationError (400) and changes nothing. */
export async function readBody<T>(request: Request, schema: z.ZodType<T>, options: { maxBytes?: number } = {}): Promise<T> {
  const text = await readText(request, options.maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ValidationError('The request body is not valid JSON.');
  }
  // JSON may spell U+0000 and lone surrogates as escapes: refused wherever they are, before any of it reaches a query.
  const unstorableAt = unstorableTextPath(body);
  if (unstorableAt !== null) {
    throw new ValidationError('Some fields need your attention.', { [unstorableAt.split('.')[0] || 'form']: UNSTORABLE_MESSAGE }, [{ path: unstorableAt, message: UNSTORABLE_MESSAGE }]);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ValidationError('Some fields need your attention.', fieldErrorsOf(parsed.error), inputIssuesOf(parsed.error));
  return parsed.data;
}

/** Parses a route parameter; an invalid one answers 404, as for a record that does not exist. */
export function readParam<T>(value: string, schema: z.ZodType<T>, what = 'record'): T {
  // No record is named with U+0000 (no text column holds it): not found, without asking the database.
  const parsed = value.includes('\u0000') ? null : schema.safeParse(value);
  if (!parsed?.success) throw new NotFoundError(`This ${what} does not exist.`);
  return parsed.data;
}
