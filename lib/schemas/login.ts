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
});

export type LoginInput = z.infer<typeof loginSchema>;

export const LOGIN_FAILED_MESSAGE = 'The email address or password is not correct.';
