import { createExchange, type Exchange } from "@tradegraph/market-data";

export interface TradingExchangeOptions {
  /** ccxt exchange id (binance). */
  exchangeId: string;
  mode: "testnet" | "live";
  apiKey: string;
  secret: string;
  /** Passphrase some exchanges add to the key pair. */
  password?: string;
  /**
   * Testnet endpoints (ccxt `urls.test`), e.g. a local stub's; omitted = the exchange's own testnet.
   * Given for live: the API base URLs (`urls.api`).
   */
  urls?: Record<string, string>;
  /** Extra ccxt settings (timeout, options). */
  config?: Record<string, unknown>;
}

/**
 * The ccxt client a testnet or live deployment trades through. Testnet uses ccxt's sandbox mode, which
 * swaps `urls.api` for `urls.test` (so custom testnet URLs go in `urls.test`, set before switching).
 * ccxt's own throttle is off: the shared Redis rate limiter paces every call instead.
 */
export function createTradingExchange(options: TradingExchangeOptions): Exchange {
  const spotOnly = {
    defaultType: "spot",
    fetchMarkets: { types: ["spot"] },
    fetchCurrencies: false,
    fetchMargins: false,
  };
  const config = options.config ?? {};
  const exchange = createExchange(options.exchangeId, {
    ...config,
    apiKey: options.apiKey,
    secret: options.secret,
    ...(options.password ? { password: options.password } : {}),
    enableRateLimit: false,
    options: { ...spotOnly, ...((config.options as object | undefined) ?? {}) },
    ...(options.urls
      ? { urls: options.mode === "testnet" ? { test: options.urls } : { api: options.urls } }
      : {}),
  });
  if (options.mode === "testnet") exchange.setSandboxMode(true);
  return exchange;
}
