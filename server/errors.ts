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

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}
