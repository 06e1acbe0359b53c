import 'server-only';

export interface RequestContext {
  requestId: string;
  method: string;
  /** The path without its query string (which may name a person). */
  path: string;
}

const MAX_MESSAGE = 300;
const MAX_FRAMES = 12;

/**
 * One JSON line describing an unexpected error: the request id the user was shown, the
 * method and path, the error's name, code and the first line of its message, and the
 * stack frames (file and line, no message text). Values the error was built from — a
 * Prisma error quotes its query arguments after the first line — stay out, and JSON
 * escapes newlines, so one error is one line whatever it contains.
 */
export function errorLogLine(context: RequestContext, error: unknown, extra: Record<string, string | undefined> = {}): string {
  const err = error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'A non-Error value was thrown');
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
  return JSON.stringify({
    level: 'error',
    at: new Date().toISOString(),
    requestId: context.requestId,
    method: context.method,
    path: context.path.split('?')[0],
    ...extra,
    error: {
      name: err.name,
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      message: (err.message.split('\n')[0] ?? '').slice(0, MAX_MESSAGE),
      stack: frames,
    },
  });
}

/** Writes errorLogLine to stderr: the detail the user's short message and request id point to. */
export function logServerError(context: RequestContext, error: unknown, extra: Record<string, string | undefined> = {}): void {
  console.error(errorLogLine(context, error, extra));
}
