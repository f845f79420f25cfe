// Builds the ccxt client a testnet/live deployment trades with, from the exchange key stored (encrypted)
// for it. The decrypted key lives only inside the ccxt client: it is never logged or put in an error.
import { type ExchangeApiUrls, type Keyring, openExchangeKeys } from "@tradegraph/config";
import type { PrismaClient } from "@tradegraph/db";
import type { Exchange } from "@tradegraph/market-data";
import { createTradingExchange } from "./trading-exchange.ts";

export interface CredentialExchangeOptions {
  prisma: PrismaClient;
  /** SECRETS_KEY (+ SECRETS_KEY_PREVIOUS during a rotation): the server's keys. */
  keyring: Keyring;
  /** EXCHANGE_API_URLS: replacement API URLs per exchange id (testnet: its testnet URLs). */
  apiUrls?: ExchangeApiUrls;
  /** Extra ccxt settings (timeout, options). */
  config?: Record<string, unknown>;
}

/** Why a deployment cannot trade with its stored key (said to the user, so it names no secret). */
export class DeploymentCredentialError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeploymentCredentialError";
  }
}

/** `tradingExchangeFor` for the deployment worker: the deployment's own key, decrypted, in a ccxt client. */
export function credentialExchangeFor(options: CredentialExchangeOptions) {
  return async (deploymentId: string): Promise<Exchange> => {
    const deployment = await options.prisma.deployment.findUniqueOrThrow({
      where: { id: deploymentId },
      select: {
        mode: true,
        credential: {
          select: { id: true, exchange: true, mode: true, encrypted: true, deletedAt: true },
        },
      },
    });
    const { mode, credential } = deployment;
    if (mode === "paper")
      throw new DeploymentCredentialError(`Deployment ${deploymentId} is paper: no key needed.`);
    if (credential === null)
      throw new DeploymentCredentialError(`Deployment ${deploymentId} is ${mode} but has no exchange key.`);
    if (credential.deletedAt !== null)
      throw new DeploymentCredentialError(`The exchange key of deployment ${deploymentId} was removed.`);
    if (credential.mode !== mode) {
      throw new DeploymentCredentialError(
        `Deployment ${deploymentId} is ${mode} but its exchange key is a ${credential.mode} key.`,
      );
    }
    const keys = openExchangeKeys(credential.encrypted, options.keyring, credential.id);
    const urls = options.apiUrls?.[credential.exchange];
    return createTradingExchange({
      exchangeId: credential.exchange,
      mode,
      apiKey: keys.apiKey,
      secret: keys.secret,
      ...(keys.password ? { password: keys.password } : {}),
      ...(urls ? { urls: { ...urls } } : {}),
      ...(options.config ? { config: options.config } : {}),
    });
  };
}
