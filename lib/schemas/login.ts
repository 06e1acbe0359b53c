import { z } from 'zod';

// The messages, without zod, for the login form's first load: login-values.ts.
export * from './login-values';

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
