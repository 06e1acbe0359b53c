// The user resource's roles and password limits, without zod: what the browser's forms and lists need
// at first load. user.ts re-exports it all; the forms load user.ts (and zod with it) when submitted.

export const ROLES = ['ANALYST', 'SUPERVISOR', 'PRIVACY_OFFICER', 'ADMINISTRATOR'] as const;

export type UserRole = (typeof ROLES)[number];

// ASVS 5.0 V6.2: at least 12 characters, at least 64 allowed, no composition rules. The server
// also refuses common passwords and ones built from the user's own email or name
// (server/auth/password-policy.ts); the browser cannot, it does not have the list.
export const PASSWORD_MIN_LENGTH = 12;

export const PASSWORD_MAX_LENGTH = 128;
