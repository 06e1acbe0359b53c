import 'server-only';

// Expected failures of server/ functions. Route handlers map them to HTTP answers
// (server/http/api-route.ts); pages map NotFoundError to notFound().

export class NotFoundError extends Error {
  constructor(message = 'Not found.') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The request was valid but the state moved on (stale version, someone else's claim). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** One problem with the input, where it is: `travellers.3.dateOfBirth`. */
export interface InputIssue {
  path: string;
  message: string;
}

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly issues: readonly InputIssue[] = [],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/**
 * The client went away while its body was still arriving (the socket closed: a browser tab
 * shut, a load generator stopping). Nothing was read, so nothing ran; nobody waits for the
 * answer. Not a fault of ours, and not the database's.
 */
export class ClientClosedRequestError extends Error {
  constructor(cause: unknown) {
    super('The client closed the connection before its request body arrived.', { cause });
    this.name = 'ClientClosedRequestError';
  }
}

/** The request body is larger than the endpoint accepts (413); nothing was read into memory beyond the limit. */
export class PayloadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than this endpoint accepts (${Math.round(maxBytes / 1024).toLocaleString('en')} KB at most).`);
    this.name = 'PayloadTooLargeError';
  }
}

/**
 * An error as a job's row may keep it: the first line of the message only (a database error
 * can quote the values of the row it failed on in later lines), at most 300 characters.
 */
export function storableErrorMessage(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 300) : 'unknown error';
}
