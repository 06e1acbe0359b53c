import 'server-only';
import { randomInt } from 'node:crypto';

// Letters and digits a person can read aloud and type without confusing them (no 0/O, 1/l/I).
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A one-time initial password: 20 random characters (about 115 bits) in four groups of
 * five joined by hyphens. The user must replace it at first sign-in (mustChangePassword).
 */
export function newInitialPassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < 4; group++) {
    let part = '';
    for (let index = 0; index < 5; index++) part += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(part);
  }
  return groups.join('-');
}
