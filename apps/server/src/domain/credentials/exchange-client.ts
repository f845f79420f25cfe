import type { ExchangeApiUrls, ExchangeKeys } from "@tradegraph/config";
import ccxt, { type Exchange } from "ccxt";

export type { ExchangeKeys };

/** Builds an authenticated ccxt client for "test connection". */
export type ExchangeFactory = (exchange: string, mode: "testnet" | "live", keys: ExchangeKeys) => Exchange;

/**
 * The production factory. `apiUrls` is EXCHANGE_API_URLS (an egress proxy or a local simulator), applied as
 * the runner applies it: for testnet they replace the exchange's testnet URLs (ccxt `urls.test`, which sandbox
 * mode switches to), for live its API URLs. So "test connection" checks the endpoints the runner will trade on.
 */
export function exchangeFactoryFor(apiUrls: ExchangeApiUrls = {}): ExchangeFactory {
  return (exchange, mode, keys) => {
    const Klass = (ccxt as unknown as Record<string, new (options: object) => Exchange>)[exchange];
    if (!Klass) throw new Error(`ccxt has no exchange "${exchange}".`);
    const urls = apiUrls[exchange];
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
      ...(urls ? { urls: mode === "testnet" ? { test: { ...urls } } : { api: { ...urls } } } : {}),
    });
    if (mode === "testnet") client.setSandboxMode(true);
    return client;
  };
}

export const defaultExchangeFactory: ExchangeFactory = exchangeFactoryFor();
