import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/schemas/user';

// ASVS 5.0 V6.2: length only (12 to 128), no composition rules; refuse the most common
// passwords and ones made of the account's own email or name.

let common: ReadonlySet<string> | undefined;

/** The vendored list (server/auth/data/common-passwords.txt: source and licence in its header), lower-cased. */
export function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    const text = readFileSync(path.join(process.cwd(), 'server/auth/data/common-passwords.txt'), 'utf8');
    // The header ends at the first empty line; every line after it is one password.
    const body = text.slice(text.indexOf('\n\n') + 2);
    common = new Set(body.split('\n').filter((line) => line !== '').map((line) => line.toLowerCase()));
  }
  return common;
}

function normalise(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Why a new password is refused, or null when it is acceptable. `identity` is the account's
 * email and name: the password may not be, or be built around, either of them.
 */
export function passwordProblem(password: string, identity: { email: string; name: string }): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one.`;
  if (length > PASSWORD_MAX_LENGTH) return `At most ${PASSWORD_MAX_LENGTH} characters.`;
  if (commonPasswords().has(password.toLowerCase()) || commonPasswords().has(password.trim().toLowerCase())) {
    return 'This password is among the most common ones that attackers try first. Choose another.';
  }
  const candidate = normalise(password);
  const localPart = normalise(identity.email.split('@')[0] ?? '');
  const parts = [normalise(identity.email), localPart, normalise(identity.name), ...identity.name.split(/\s+/).map(normalise)].filter((part) => part.length >= 4);
  if (parts.some((part) => candidate.includes(part))) return 'The password may not contain your email address or your name.';
  return null;
}
