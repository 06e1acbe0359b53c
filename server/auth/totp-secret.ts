import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { retentionMasterKey } from '@/server/retention/master-key';

// A user's TOTP secret at rest: AES-256-GCM under a key derived (HKDF) from the master key, which
// lives outside the database — a copy of the User table alone does not yield second factors.
const VERSION = 'v1';

function key(): Buffer {
  return Buffer.from(hkdfSync('sha256', retentionMasterKey(), Buffer.alloc(0), 'proportio:totp-secret:v1', 32));
}

export function sealTotpSecret(secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
}

export function openTotpSecret(stored: string): Buffer {
  const [version, iv, tag, sealed] = stored.split(':');
  if (version !== VERSION || !iv || !tag || !sealed) throw new Error('Unreadable TOTP secret.');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]);
}
