// The login's messages without zod (the form loads lib/schemas/login.ts, and zod, when submitted).

/** The answer to a right password when two-step sign-in is on and no code came with it. */
export const TOTP_CODE_REQUIRED_MESSAGE = 'Enter the 6-digit code from your authenticator app.';
/** The answer to a right password with a wrong, old or already used code. */
export const TOTP_CODE_WRONG_MESSAGE = 'This code is not correct. Enter the code your authenticator app shows now.';

export const LOGIN_FAILED_MESSAGE = 'The email address or password is not correct.';
