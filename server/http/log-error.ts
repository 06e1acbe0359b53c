import 'server-only';

export interface RequestContext {
  requestId: string;
  method: string;
  /** The path without its query string (which may name a person). */
  path: string;
}

const MAX_MESSAGE = 300;
const MAX_FRAMES = 12;
/** Where log readers break lines: JSON escapes LF, CR, VT and FF, but not NEL, LS and PS. */
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/;
const FRAME = /^\s+at /;

/**
 * One JSON line describing an unexpected error: the request id the user was shown, the
 * method and path, the error's name, code and the first line of its message, and the
 * stack frames (file and line, no message text). Values the error was built from — a
 * Prisma error quotes its query arguments after the first line — stay out, and every line
 * break is escaped (JSON's own and the Unicode separators it leaves), so one error is one
 * line whatever it contains.
 */
export function errorLogLine(context: RequestContext, error: unknown, extra: Record<string, string | undefined> = {}): string {
  const err = error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'A non-Error value was thrown');
  const code = (err as { code?: unknown }).code;
  // The frames are the run of "at" lines that ends the stack: a message line that looks like
  // one ("\n    at …") comes before other text and stays out with the rest of the message.
  const lines = (err.stack ?? '').split('\n');
  let first = lines.length;
  while (first > 0 && FRAME.test(lines[first - 1] ?? '')) first -= 1;
  const frames = lines.slice(first, first + MAX_FRAMES).map((line) => line.trim());
  return oneLine({
    ...requestFields('error', context),
    ...extra,
    error: {
      name: err.name,
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      message: (err.message.split(LINE_BREAK)[0] ?? '').slice(0, MAX_MESSAGE),
      stack: frames,
    },
  });
}

/** The fields every request's log line starts with; the query string (which may name a person) stays out. */
function requestFields(level: 'info' | 'error', context: RequestContext) {
  return { level, at: new Date().toISOString(), requestId: context.requestId, method: context.method, path: context.path.split('?')[0] };
}

/** An entry as one JSON line, also where a log reader would break at NEL, LS or PS. */
function oneLine(entry: Record<string, unknown>): string {
  // Still valid JSON: these three can stand only inside its strings, where \uXXXX means the same.
  return JSON.stringify(entry).replace(/[\u0085\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes errorLogLine to stderr: the detail the user's short message and request id point to. */
export function logServerError(context: RequestContext, error: unknown, extra: Record<string, string | undefined> = {}): void {
  console.error(errorLogLine(context, error, extra));
}

/** Writes one info line about a request that is no fault (a client that went away), in the error lines' shape. */
export function logServerInfo(context: RequestContext, fields: Record<string, string | number | boolean>): void {
  console.info(oneLine({ ...requestFields('info', context), ...fields }));
}
