// AES-256-GCM envelope for exchange secrets, shared by the server (which stores them) and the runner
// (which trades with them). The blob is self-describing: format byte, key id, IV, tag, ciphertext. The key
// id (a fingerprint of the key, not the key) says which key decrypts it, so a process can hold the current
// and the previous key during a rotation.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 8;

/** Fingerprint of a key, safe to store and print: it cannot be turned back into the key. */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update("tradegraph secrets key id\0").update(key).digest("hex").slice(0, 16);
}

export interface Keyring {
  current: Buffer;
  previous?: Buffer | undefined;
}

/** The keys a process holds, from SECRETS_KEY and SECRETS_KEY_PREVIOUS. */
export function keyringOf(config: { secretsKey: Buffer; secretsKeyPrevious: Buffer | undefined }): Keyring {
  return { current: config.secretsKey, previous: config.secretsKeyPrevious };
}

export class SecretDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptError";
  }
}

/** Encrypts with the current key. `aad` binds the blob to its row (e.g. the credential id). */
export function encryptSecret(plaintext: string, keyring: Keyring, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyring.current, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const keyId = Buffer.from(keyIdOf(keyring.current), "hex");
  return Buffer.concat([Buffer.from([FORMAT]), keyId, iv, cipher.getAuthTag(), body]);
}

/** Key id a blob was encrypted with (to find secrets that still need re-encryption). */
export function blobKeyId(blob: Uint8Array): string {
  return Buffer.from(blob.subarray(1, 1 + KEY_ID_BYTES)).toString("hex");
}

export function decryptSecret(blob: Uint8Array, keyring: Keyring, aad: string): string {
  const buf = Buffer.from(blob);
  if (buf.length < 1 + KEY_ID_BYTES + IV_BYTES + TAG_BYTES || buf[0] !== FORMAT) {
    throw new SecretDecryptError("The stored secret is damaged (unknown format).");
  }
  const keyId = blobKeyId(buf);
  const key = [keyring.current, keyring.previous].find((k) => k !== undefined && keyIdOf(k) === keyId);
  if (key === undefined) {
    throw new SecretDecryptError(
      `The stored secret was encrypted with key ${keyId}, which is neither SECRETS_KEY nor SECRETS_KEY_PREVIOUS.`,
    );
  }
  const ivStart = 1 + KEY_ID_BYTES;
  const tagStart = ivStart + IV_BYTES;
  const bodyStart = tagStart + TAG_BYTES;
  const iv = buf.subarray(ivStart, tagStart);
  const tag = buf.subarray(tagStart, bodyStart);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(buf.subarray(bodyStart)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptError(
      "The stored secret failed its integrity check (wrong key or tampered data).",
    );
  }
}
