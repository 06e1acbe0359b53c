import 'server-only';

// Expected refusals: pages turn them into forbidden()/redirect, route handlers into 401/403.
export class UnauthenticatedError extends Error {
  constructor() {
    super('You are not signed in.');
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends Error {
  constructor(readonly permission: string) {
    super(`You do not have permission to do this (${permission}).`);
    this.name = 'ForbiddenError';
  }
}
