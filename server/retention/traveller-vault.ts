import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { MASTER_KEY_VERSION, retentionMasterKey } from './master-key';

// Crypto-shredding (PNR art. 12(2) and 12(4)): at masking, a traveller's identifying values
// are sealed with a data key of their own (AES-256-GCM), and that key is sealed with the
// master key. Ordinary reads never open it; an approved re-personalisation does. Erasure
// deletes the row and with it the only copy of the data key. The traveller's id is
// authenticated with both layers, so a sealed record moved to another traveller fails to open.
//
// Why a key per traveller and not per batch or day (issue 11 measured it): sealing costs
// two AES-GCM contexts per traveller, about 5 % of the retention job's time on the one-year
// profile — the rest is PostgreSQL rewriting Traveller and Hit rows and their indexes. A
// shared key would save little and let one opened key (a re-personalisation) read every
// traveller sealed with it. What costs is asking the kernel for randomness per call, so a
// batch draws all of its data keys and IVs at once (sealTravellerBatch).

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

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer, iv: Buffer = randomBytes(IV_BYTES)) {
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
  const [record] = sealTravellerBatch([{ travellerId, values }], masterKey);
  if (!record) throw new Error('sealTravellerBatch returned nothing');
  return record;
}

const RANDOM_PER_RECORD = 32 + IV_BYTES + IV_BYTES;

/**
 * Seals many travellers at once, each under a data key of their own: the keys and IVs of the
 * whole batch come from one call for random bytes (a call per value cost more than the
 * encryption). The batch's random buffer is zeroed before returning.
 */
export function sealTravellerBatch(items: readonly { travellerId: string; values: unknown }[], masterKey: Buffer = retentionMasterKey()): SealedRecord[] {
  const random = randomBytes(items.length * RANDOM_PER_RECORD);
  try {
    return items.map(({ travellerId, values }, index) => {
      const at = index * RANDOM_PER_RECORD;
      const dataKey = random.subarray(at, at + 32);
      const aad = Buffer.from(travellerId, 'utf8');
      // Copies: the records outlive the random buffer, which is zeroed below.
      const sealed = encrypt(dataKey, Buffer.from(JSON.stringify(values), 'utf8'), aad, Buffer.from(random.subarray(at + 32, at + 32 + IV_BYTES)));
      const wrapped = encrypt(masterKey, dataKey, aad, Buffer.from(random.subarray(at + 32 + IV_BYTES, at + RANDOM_PER_RECORD)));
      return {
        ciphertext: bytes(sealed.ciphertext),
        iv: bytes(sealed.iv),
        authTag: bytes(sealed.authTag),
        wrappedKey: bytes(Buffer.concat([wrapped.iv, wrapped.authTag, wrapped.ciphertext])),
        keyVersion: MASTER_KEY_VERSION,
      };
    });
  } finally {
    random.fill(0);
  }
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
