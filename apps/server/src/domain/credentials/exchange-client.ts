import type { ExchangeKeys } from "@tradegraph/config";
import ccxt, { type Exchange } from "ccxt";

export type { ExchangeKeys };

/** Builds an authenticated ccxt client; tests pass one that points at the local exchange stub. */
export type ExchangeFactory = (exchange: string, mode: "testnet" | "live", keys: ExchangeKeys) => Exchange;

export const defaultExchangeFactory: ExchangeFactory = (exchange, mode, keys) => {
  const Klass = (ccxt as unknown as Record<string, new (options: object) => Exchange>)[exchange];
  if (!Klass) throw new Error(`ccxt has no exchange "${exchange}".`);
  const client = new Klass({
    apiKey: keys.apiKey,
    secret: keys.secret,
    ...(keys.password ? { password: keys.password } : {}),
    enableRateLimit: true,
    timeout: 10_000,
    options: {
      defaultType: "spot",
      fetchMarkets: { types: ["spot"] },
      fetchCurrencies: false,
      fetchMargins: false,
    },
  });
  if (mode === "testnet") client.setSandboxMode(true);
  return client;
};
