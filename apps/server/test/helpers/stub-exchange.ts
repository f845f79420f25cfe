import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { type ExchangeFactory, exchangeFactoryFor } from "../../src/domain/credentials/exchange-client.ts";

/**
 * The market-data Binance stub, plus the production ccxt factory pointed at it the way EXCHANGE_API_URLS
 * points a deployment at an egress proxy or simulator (for live and testnet keys alike).
 */
export async function startStub(): Promise<{ stub: ExchangeStub; factory: ExchangeFactory }> {
  const stub = await startExchangeStub({ apiKey: "stub-api-key-0001", secret: "stub-secret-value-0002" });
  const { urls } = stub.ccxtConfig() as { urls: { api: Record<string, string> } };
  return { stub, factory: exchangeFactoryFor({ binance: urls.api }) };
}
