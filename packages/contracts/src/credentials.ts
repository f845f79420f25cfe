import { z } from "zod";
import { idSchema } from "./strategies.ts";

/** ccxt exchange ids we can check permissions for. */
export const SUPPORTED_EXCHANGES = ["binance"] as const;
export const CREDENTIAL_MODES = ["testnet", "live"] as const;
export type CredentialMode = (typeof CREDENTIAL_MODES)[number];

export const createCredentialInput = z.object({
  label: z.string().trim().min(1, "Give the key a label.").max(80),
  exchange: z.enum(SUPPORTED_EXCHANGES),
  mode: z.enum(CREDENTIAL_MODES),
  apiKey: z.string().trim().min(8, "That API key looks too short.").max(512),
  secret: z.string().trim().min(8, "That API secret looks too short.").max(4096),
  /** Some exchanges need a passphrase; Binance does not. */
  password: z.string().max(512).optional(),
});
export type CreateCredentialInput = z.infer<typeof createCredentialInput>;
export const credentialIdInput = z.object({ credentialId: idSchema });

/** Permissions seen on the exchange by `testConnection`. */
export const credentialPermissionsSchema = z.object({
  canRead: z.boolean(),
  canTradeSpot: z.boolean(),
  canWithdraw: z.boolean(),
  ipRestricted: z.boolean(),
});
export type CredentialPermissions = z.infer<typeof credentialPermissionsSchema>;

/** The only view of a credential that ever leaves the server: never the key or secret. */
export const credentialSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  exchange: z.string(),
  mode: z.enum(CREDENTIAL_MODES),
  last4: z.string(),
  permissions: credentialPermissionsSchema.nullable(),
  lastCheckedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type CredentialSummary = z.infer<typeof credentialSummarySchema>;

export interface TestConnectionResult {
  ok: boolean;
  permissions: CredentialPermissions | null;
  /** Sentence for the trader: what was checked and, if refused, why. */
  message: string;
  /** Live keys with withdrawal permission are refused for trading. */
  usableForLive: boolean;
}
