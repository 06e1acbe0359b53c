import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

/** The version stored with each wrapped key, so that a later rotation knows which master key wrapped it. */
export const MASTER_KEY_VERSION = 1;

let cached: Buffer | undefined;

/**
 * The master key wrapping every masked traveller's data key. In production it comes from
 * RETENTION_MASTER_KEY (a deployment keeps it outside the database and its backups, which
 * is what makes masking more than a flag). Elsewhere — `npm start`, tests — a random key is
 * made once in the gitignored .secrets/ folder, as the session secret is.
 */
export function retentionMasterKey(): Buffer {
  if (cached) return cached;
  const configured = env().RETENTION_MASTER_KEY;
  if (configured) return (cached = Buffer.from(configured, 'base64'));
  if (env().NODE_ENV === 'production' && env().DATABASE_URL && !isEmbedded(env().DATABASE_URL as string)) {
    throw new Error('RETENTION_MASTER_KEY is not set: with an external database a master key is required, e.g. `openssl rand -base64 32`.');
  }
  cached = localKey(path.join(/*turbopackIgnore: true*/ process.cwd(), '.secrets', 'retention-master-key'));
  return cached;
}

function isEmbedded(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost';
}

function localKey(file: string): Buffer {
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  // 'wx': two processes starting at once do not overwrite each other's key.
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  }
}
