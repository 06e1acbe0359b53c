import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

// A token reads ppt_<prefix>_<secret>: the prefix names it in lists and logs without
// revealing it; only sha256 of the whole string is stored, so a leaked database does not
// leak working tokens. 32 random bytes make guessing hopeless, so a fast hash is enough.
const PATTERN = /^ppt_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export function newTokenSecret(): { secret: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8);
  const secret = `ppt_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix, hash: hashTokenSecret(secret) };
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The prefix of a well-formed token, or null for anything that cannot be one. */
export function tokenPrefix(secret: string): string | null {
  return PATTERN.exec(secret)?.[1] ?? null;
}
