import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { MASTER_KEY_VERSION, retentionMasterKey } from './master-key';

// Crypto-shredding (PNR art. 12(2) and 12(4)): at masking, a traveller's identifying values
// are sealed with a data key of their own (AES-256-GCM), and that key is sealed with the
// master key. Ordinary reads never open it; an approved re-personalisation does. Erasure
// deletes the row and with it the only copy of the data key, so a backup of the
// ciphertext is unreadable too. The traveller's id is authenticated with both layers, so
// a sealed record moved to another traveller fails to open.

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedRecord {
  ciphertext: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  authTag: Uint8Array<ArrayBuffer>;
  /** iv ‖ tag ‖ the data key encrypted with the master key. */
  wrappedKey: Uint8Array<ArrayBuffer>;
  keyVersion: number;
}

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, authTag: cipher.getAuthTag() };
}

function decrypt(key: Buffer, iv: Uint8Array, ciphertext: Uint8Array, authTag: Uint8Array, aad: Buffer): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(authTag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

const bytes = (buffer: Buffer) => new Uint8Array(buffer);

/** Seals a traveller's identifying values under a fresh data key, wrapped by the master key. */
export function sealTravellerData(travellerId: string, values: unknown, masterKey: Buffer = retentionMasterKey()): SealedRecord {
  const aad = Buffer.from(travellerId, 'utf8');
  const dataKey = randomBytes(32);
  const sealed = encrypt(dataKey, Buffer.from(JSON.stringify(values), 'utf8'), aad);
  const wrapped = encrypt(masterKey, dataKey, aad);
  dataKey.fill(0);
  return {
    ciphertext: bytes(sealed.ciphertext),
    iv: bytes(sealed.iv),
    authTag: bytes(sealed.authTag),
    wrappedKey: bytes(Buffer.concat([wrapped.iv, wrapped.authTag, wrapped.ciphertext])),
    keyVersion: MASTER_KEY_VERSION,
  };
}

/** Opens a sealed record; throws when it was altered, belongs to another traveller or the master key differs. */
export function openTravellerData<T>(travellerId: string, record: SealedRecord, masterKey: Buffer = retentionMasterKey()): T {
  if (record.keyVersion !== MASTER_KEY_VERSION) throw new Error(`This record was sealed with master key version ${record.keyVersion}, which is not configured.`);
  const aad = Buffer.from(travellerId, 'utf8');
  const wrapped = Buffer.from(record.wrappedKey);
  const dataKey = decrypt(masterKey, wrapped.subarray(0, IV_BYTES), wrapped.subarray(IV_BYTES + TAG_BYTES), wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), aad);
  try {
    return JSON.parse(decrypt(dataKey, record.iv, record.ciphertext, record.authTag, aad).toString('utf8')) as T;
  } finally {
    dataKey.fill(0);
  }
}
