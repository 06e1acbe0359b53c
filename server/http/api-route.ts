import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import type { Caller } from '@/server/auth/caller';
import { ForbiddenError } from '@/server/auth/errors';
import { getCaller } from '@/server/auth/session';
import { ConflictError, NotFoundError, ValidationError } from '@/server/errors';

// Route handlers are public endpoints: each one resolves its caller here, and server/
// checks the permission again. Answers carry personal data, so none may be cached.
const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

function errorResponse(error: unknown): NextResponse {
  if (error instanceof ValidationError) return json({ message: error.message, fieldErrors: error.fieldErrors }, 400);
  if (error instanceof ForbiddenError) return json({ message: 'You do not have permission to do this.' }, 403);
  if (error instanceof NotFoundError) return json({ message: error.message }, 404);
  if (error instanceof ConflictError) return json({ message: error.message }, 409);
  console.error(error);
  return json({ message: 'Something went wrong on our side; nothing was changed. Try again.' }, 500);
}

/** Field errors keyed by the first path segment, the first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Parses a JSON body with a schema; a bad body is a ValidationError (400) and changes nothing. */
export async function readBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ValidationError('The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ValidationError('Some fields need your attention.', fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** Parses a route parameter; an invalid one answers 404, as for a record that does not exist. */
export function readParam<T>(value: string, schema: z.ZodType<T>, what = 'record'): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new NotFoundError(`This ${what} does not exist.`);
  return parsed.data;
}

type Handler<P> = (context: { caller: Caller; request: Request; params: P }) => Promise<unknown>;

/** Wraps a route handler: 401 without a session, expected errors as JSON answers, no-store always. */
export function apiRoute<P = Record<string, never>>(
  handler: Handler<P>,
  options: { status?: number; /** Answer as a file with this name. */ download?: (params: P) => string } = {},
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<NextResponse> => {
    try {
      const caller = await getCaller();
      if (!caller) return json({ message: 'You are not signed in.' }, 401);
      const params = await context.params;
      const result = await handler({ caller, request, params });
      const response = json(result, options.status ?? 200);
      if (options.download) response.headers.set('Content-Disposition', `attachment; filename="${options.download(params)}"`);
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
}
