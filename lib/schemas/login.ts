import { z } from 'zod';

// Shared by the login form and the credentials provider: the same limits, the same messages.
export const loginSchema = z.object({
  email: z
    .string({ error: 'Enter your email address.' })
    .trim()
    .min(1, 'Enter your email address.')
    .max(254, 'An email address has at most 254 characters.')
    .pipe(z.email({ error: 'Enter a valid email address, like name@example.org.' }))
    .transform((value) => value.toLowerCase()),
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(128, 'A password has at most 128 characters.'),
  // The second step of a sign-in with two-step sign-in on; absent (or empty) in the first.
  code: z
    .string()
    .optional()
    .transform((value) => value?.replace(/\s/g, '') || undefined)
    .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.').optional()),
});

export type LoginInput = z.infer<typeof loginSchema>;

/** The answer to a right password when two-step sign-in is on and no code came with it. */
export const TOTP_CODE_REQUIRED_MESSAGE = 'Enter the 6-digit code from your authenticator app.';
/** The answer to a right password with a wrong, old or already used code. */
export const TOTP_CODE_WRONG_MESSAGE = 'This code is not correct. Enter the code your authenticator app shows now.';

export const LOGIN_FAILED_MESSAGE = 'The email address or password is not correct.';
