// How an exchange API key is sealed into an ExchangeCredential row: JSON of the keys, encrypted with the
// secret box and bound to the row id, so a blob copied onto another row does not open.
import { z } from "zod";
import { decryptSecret, encryptSecret, type Keyring } from "./secret-box.ts";

const exchangeKeysSchema = z.object({
  apiKey: z.string().min(1),
  secret: z.string().min(1),
  password: z.string().optional(),
});

export interface ExchangeKeys {
  apiKey: string;
  secret: string;
  password?: string | undefined;
}

/** Additional authenticated data of a credential row's blob. */
export const exchangeCredentialAad = (credentialId: string) => `exchange-credential:${credentialId}`;

export function sealExchangeKeys(keys: ExchangeKeys, keyring: Keyring, credentialId: string): Buffer {
  return encryptSecret(JSON.stringify(keys), keyring, exchangeCredentialAad(credentialId));
}

/** Decrypted keys of a credential row. Never log or return them. */
export function openExchangeKeys(blob: Uint8Array, keyring: Keyring, credentialId: string): ExchangeKeys {
  const parsed = exchangeKeysSchema.safeParse(
    JSON.parse(decryptSecret(blob, keyring, exchangeCredentialAad(credentialId))),
  );
  // The zod message could quote the values, so it is not passed on.
  if (!parsed.success) throw new Error(`Exchange key ${credentialId} does not hold an API key and secret.`);
  return parsed.data;
}
