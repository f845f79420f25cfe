import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import ccxt from "ccxt";
import type { ExchangeFactory } from "../../src/domain/credentials/exchange-client.ts";

/** The market-data Binance stub, plus a factory that points real ccxt at it with the caller's keys. */
export async function startStub(): Promise<{ stub: ExchangeStub; factory: ExchangeFactory }> {
  const stub = await startExchangeStub({ apiKey: "stub-api-key-0001", secret: "stub-secret-value-0002" });
  const factory: ExchangeFactory = (_exchange, _mode, keys) =>
    new ccxt.binance({ ...stub.ccxtConfig(), apiKey: keys.apiKey, secret: keys.secret, timeout: 5000 });
  return { stub, factory };
}
