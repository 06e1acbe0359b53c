import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, type UserRole } from './user-values';

// What the browser needs without zod is in user-values.ts (zod loads with a form's submit).
export * from './user-values';

// Users of Proportio (issue 9): administrators create them, change their role, deactivate,
// reactivate and unlock them; everyone changes their own password. The form, the route
// handler and server/ share these schemas.

export const newPasswordSchema = z
  .string({ error: 'Enter a new password.' })
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one.`)
  .max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters.`);

export const userSchema = z.strictObject({
  email: z
    .string({ error: 'Enter an email address.' })
    .trim()
    .min(1, 'Enter an email address.')
    .max(254, 'An email address has at most 254 characters.')
    .pipe(z.email({ error: 'Enter a valid email address, like name@example.org.' }))
    .transform((value) => value.toLowerCase()),
  name: z.string({ error: 'Enter the person’s name.' }).trim().min(2, 'Enter the person’s name (at least 2 characters).').max(100, 'At most 100 characters.'),
  role: z.enum(ROLES, { error: 'Choose a role.' }),
  unit: z.string({ error: 'Enter the unit.' }).trim().min(2, 'Enter the unit the person works in (at least 2 characters).').max(100, 'At most 100 characters.'),
});

export const createUserSchema = userSchema;
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeUserRoleSchema = userSchema.pick({ role: true });
export type ChangeUserRoleInput = z.infer<typeof changeUserRoleSchema>;

export const setUserActiveSchema = z.strictObject({ active: z.boolean({ error: 'Say whether the account is active.' }) });
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters.`),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** A user as the administrator's list shows them: never a password hash or a second-factor secret. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  unit: string;
  active: boolean;
  /** Locked after too many wrong passwords, until this instant; null when not locked. */
  lockedUntil: string | null;
  mustChangePassword: boolean;
  /** A TOTP second factor is on (never the secret). */
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

/** The one answer that carries the initial password; it is never shown again. */
export interface CreatedUser {
  user: UserView;
  initialPassword: string;
}

/** A 6-digit TOTP code, as typed (spaces allowed). */
export const totpCodeSchema = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code.' })
    .transform((value) => value.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.')),
});
