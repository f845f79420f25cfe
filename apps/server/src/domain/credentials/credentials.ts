import { randomUUID } from "node:crypto";
import { type ExchangeKeys, keyIdOf, openExchangeKeys, sealExchangeKeys } from "@tradegraph/config";
import type {
  CreateCredentialInput,
  CredentialMode,
  CredentialPermissions,
  TestConnectionResult,
} from "@tradegraph/contracts";
import type { Prisma } from "@tradegraph/db";
import { AuthenticationError, NetworkError, PermissionDenied } from "ccxt";
import { AppError, notFound } from "../app-error.ts";
import { recordAudit } from "../audit.ts";
import type { Caller, ServerDeps } from "../deps.ts";
import { fetchPermissions, refusalReason } from "./permissions.ts";

/** The only columns ever read for responses: never `encrypted`. */
export const credentialSelect = {
  id: true,
  label: true,
  exchange: true,
  mode: true,
  last4: true,
  permissions: true,
  lastCheckedAt: true,
  createdAt: true,
} as const;

type CredentialRow = Prisma.ExchangeCredentialGetPayload<{ select: typeof credentialSelect }>;

function summary(
  row: CredentialRow,
): Omit<CredentialRow, "permissions"> & { permissions: CredentialPermissions | null } {
  return { ...row, permissions: row.permissions as CredentialPermissions | null };
}

export async function addCredential(deps: ServerDeps, caller: Caller, input: CreateCredentialInput) {
  const id = randomUUID();
  const keys: ExchangeKeys = { apiKey: input.apiKey, secret: input.secret, password: input.password };
  const encrypted = sealExchangeKeys(keys, deps.keyring, id);
  return deps.prisma.$transaction(async (tx) => {
    const row = await tx.exchangeCredential.create({
      data: {
        id,
        ownerId: caller.userId,
        label: input.label,
        exchange: input.exchange,
        mode: input.mode,
        encrypted: new Uint8Array(encrypted),
        keyId: keyIdOf(deps.keyring.current),
        last4: input.apiKey.slice(-4),
      },
      select: credentialSelect,
    });
    await recordAudit({ prisma: tx }, caller, "credential.added", "credential", id, {
      label: input.label,
      exchange: input.exchange,
      mode: input.mode,
      last4: row.last4,
    });
    return summary(row);
  });
}

export async function listCredentials(deps: ServerDeps, caller: Caller) {
  const rows = await deps.prisma.exchangeCredential.findMany({
    where: { ownerId: caller.userId, deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: credentialSelect,
  });
  return rows.map(summary);
}

export async function ownCredential(deps: ServerDeps, caller: Caller, credentialId: string) {
  const row = await deps.prisma.exchangeCredential.findFirst({
    where: { id: credentialId, ownerId: caller.userId, deletedAt: null },
    select: { ...credentialSelect, encrypted: true },
  });
  if (!row) throw notFound("exchange key");
  return row;
}

/** Decrypted keys for server-side use only (test connection). Never return or log them. */
export function decryptKeys(deps: ServerDeps, row: { id: string; encrypted: Uint8Array }): ExchangeKeys {
  return openExchangeKeys(row.encrypted, deps.keyring, row.id);
}

export async function removeCredential(deps: ServerDeps, caller: Caller, credentialId: string) {
  const row = await ownCredential(deps, caller, credentialId);
  const inUse = await deps.prisma.deployment.count({
    where: { credentialId, desiredState: { not: "stopped" } },
  });
  if (inUse > 0) throw new AppError("CONFLICT", "Stop the deployments that use this key before removing it.");
  await deps.prisma.$transaction(async (tx) => {
    // The ciphertext is overwritten, not only hidden: a removed key cannot be recovered from the database.
    await tx.exchangeCredential.update({
      where: { id: credentialId },
      data: { deletedAt: new Date(), encrypted: new Uint8Array(0) },
    });
    await recordAudit({ prisma: tx }, caller, "credential.removed", "credential", credentialId, {
      label: row.label,
      exchange: row.exchange,
      last4: row.last4,
    });
  });
  return { id: credentialId };
}

/** Replaces every occurrence of the key material in a message coming back from ccxt. */
function scrub(message: string, keys: ExchangeKeys): string {
  let out = message;
  for (const s of [keys.apiKey, keys.secret, keys.password])
    if (s && s.length >= 4) out = out.split(s).join("***");
  return out.slice(0, 300);
}

export async function testConnection(
  deps: ServerDeps,
  caller: Caller,
  credentialId: string,
): Promise<TestConnectionResult> {
  const row = await ownCredential(deps, caller, credentialId);
  const keys = decryptKeys(deps, row);
  const mode = row.mode as CredentialMode;
  const client = deps.exchangeFactory(row.exchange, mode, keys);
  let permissions: CredentialPermissions;
  try {
    permissions = await fetchPermissions(client, mode);
  } catch (error) {
    const detail = scrub(String((error as Error).message), keys);
    deps.logger.warn({ credentialId, exchange: row.exchange, detail }, "exchange key test failed");
    if (error instanceof AuthenticationError || error instanceof PermissionDenied) {
      return {
        ok: false,
        permissions: null,
        usableForLive: false,
        message: "The exchange rejected this key (wrong key or secret, or the key was deleted).",
      };
    }
    if (error instanceof NetworkError) {
      throw new AppError("EXCHANGE_UNREACHABLE", `Could not reach ${row.exchange}; try again in a minute.`);
    }
    throw new AppError("EXCHANGE_UNREACHABLE", `${row.exchange} answered with an error: ${detail}`);
  }
  const refusal = refusalReason(permissions, mode);
  await deps.prisma.$transaction(async (tx) => {
    await tx.exchangeCredential.update({
      where: { id: credentialId },
      data: { permissions, lastCheckedAt: new Date() },
    });
    await recordAudit({ prisma: tx }, caller, "credential.tested", "credential", credentialId, {
      permissions,
      refused: refusal,
    });
  });
  return {
    ok: refusal === null,
    permissions,
    usableForLive: mode === "live" && refusal === null,
    message:
      refusal ??
      `The key works: it can read${permissions.canTradeSpot ? " and trade spot" : ""}, and cannot withdraw.`,
  };
}
