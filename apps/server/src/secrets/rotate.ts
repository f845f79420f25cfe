import {
  decryptSecret,
  encryptSecret,
  exchangeCredentialAad,
  type Keyring,
  keyIdOf,
} from "@tradegraph/config";
import type { PrismaClient } from "@tradegraph/db";

export interface RotationReport {
  reEncrypted: number;
  alreadyCurrent: number;
  /** Credentials whose key is neither current nor previous (they cannot be read until that key returns). */
  unreadable: string[];
}

/**
 * Re-encrypts every stored exchange secret with the current key. Run it after moving the old key to
 * SECRETS_KEY_PREVIOUS and setting a new SECRETS_KEY; afterwards the previous key can be dropped.
 * Each row is rewritten only if it still carries the blob that was read (no lost concurrent update).
 */
export async function rotateSecrets(prisma: PrismaClient, keyring: Keyring): Promise<RotationReport> {
  const currentId = keyIdOf(keyring.current);
  const report: RotationReport = { reEncrypted: 0, alreadyCurrent: 0, unreadable: [] };
  const rows = await prisma.exchangeCredential.findMany({
    where: { deletedAt: null },
    select: { id: true, keyId: true, encrypted: true },
  });
  for (const row of rows) {
    if (row.keyId === currentId) {
      report.alreadyCurrent++;
      continue;
    }
    const aad = exchangeCredentialAad(row.id);
    let plaintext: string;
    try {
      plaintext = decryptSecret(row.encrypted, keyring, aad);
    } catch {
      report.unreadable.push(row.id);
      continue;
    }
    const updated = await prisma.exchangeCredential.updateMany({
      where: { id: row.id, keyId: row.keyId },
      data: { encrypted: new Uint8Array(encryptSecret(plaintext, keyring, aad)), keyId: currentId },
    });
    report.reEncrypted += updated.count;
  }
  return report;
}
