import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import ccxt from "ccxt";
import type { ExchangeFactory } from "../../src/domain/credentials/exchange-client.ts";

/** The market-data engineer's Binance stub, plus a factory that points real ccxt at it. */
export async function startStub(): Promise<{ stub: ExchangeStub; factory: ExchangeFactory }> {
  const stub = await startExchangeStub({ apiKey: "stub-api-key-0001", secret: "stub-secret-value-0002" });
  const base = stub.url;
  const factory: ExchangeFactory = (_exchange, _mode, keys) =>
    new ccxt.binance({
      apiKey: keys.apiKey,
      secret: keys.secret,
      enableRateLimit: false,
      timeout: 5000,
      urls: {
        api: {
          public: `${base}/api/v3`,
          private: `${base}/api/v3`,
          v1: `${base}/api/v1`,
          sapi: `${base}/sapi/v1`,
          sapiV2: `${base}/sapi/v2`,
          sapiV3: `${base}/sapi/v3`,
          sapiV4: `${base}/sapi/v4`,
        },
      },
      options: {
        defaultType: "spot",
        fetchMarkets: { types: ["spot"] },
        fetchCurrencies: false,
        fetchMargins: false,
      },
    });
  return { stub, factory };
}
