// Shared setup of the testnet deployment tests: a BTC/USDT 1m exchange stub, a testnet deployment row, a ccxt
// client on the stub and a run of `runExchangeDeployment` whose candles the test closes one at a time.
import type { PrismaClient } from "@tradegraph/db";
import { bundledFile, readCandleFile } from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { type CandleColumns, sliceCandleColumns } from "@tradegraph/nodes";
import type { DeploymentLoop } from "../../src/deployments/deployment-loop.ts";
import {
  type RunExchangeDeploymentOptions,
  runExchangeDeployment,
} from "../../src/exchange/run-exchange-deployment.ts";
import { createTradingExchange } from "../../src/exchange/trading-exchange.ts";
import { createDeployment } from "./runs.ts";

export const MINUTE = 60_000;
/** Open time of the first live candle in every exchange test (also the stop/target market's). */
export const start = Date.UTC(2025, 6, 1);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bundled BTC/USDT 1m candles: `history` of them before `start`, then `count` opening at `start`. */
export async function bundledMinutes(count: number, history = 0): Promise<CandleColumns> {
  const parsed = await readCandleFile(bundledFile("BTC/USDT", "1m").path, { timeframe: "1m" });
  if (!parsed.ok) throw new Error("bundled 1m candles do not parse");
  const all = parsed.candles as CandleColumns;
  const from = all.time.indexOf(start);
  return sliceCandleColumns(all, from - history, from + count);
}

type StubOptions = NonNullable<Parameters<typeof startExchangeStub>[0]>;

/** A stub publishing `minutes` as BTC/USDT 1m, its clock just after `start`, with 10,000 USDT. */
export function startMinuteStub(minutes: CandleColumns, extra: StubOptions = {}): Promise<ExchangeStub> {
  return startExchangeStub({
    candles: { "BTC/USDT": { "1m": minutes } },
    now: start + 15_000,
    balances: { USDT: 10_000 },
    ...extra,
  });
}

/** A strategy version of `graph` (default: the SMA crossover example) and its BTC/USDT 1m testnet deployment. */
export async function createTestnetDeployment(prisma: PrismaClient, graph?: unknown) {
  return (await createDeployment(prisma, graph, { mode: "testnet" })).deployment;
}

/** The ccxt client (sandbox mode) trading on the stub with its key. */
export function stubExchange(stub: ExchangeStub, timeoutMs = 2000) {
  const urls = (stub.ccxtConfig() as { urls: { api: Record<string, string> } }).urls.api;
  return createTradingExchange({
    exchangeId: "binance",
    mode: "testnet",
    apiKey: stub.apiKey,
    secret: stub.secret,
    urls,
    config: { timeout: timeoutMs },
  });
}

export interface StubDeploymentRun {
  /** Open times of the candles the run recorded, in order. */
  recorded: number[];
  abort: AbortController;
  running: Promise<DeploymentLoop>;
  /** Closes the next candle on the stub and waits until the run has recorded `count` candles. */
  step: (count?: number) => Promise<void>;
  /** Aborts the run and returns its loop. */
  stop: () => Promise<DeploymentLoop>;
}

type RunExtras = Omit<RunExchangeDeploymentOptions, "prisma" | "deploymentId" | "exchange" | "signal">;

/**
 * Starts `runExchangeDeployment` on the stub with fast polling and retries; by default from the candle before
 * `start`. `extra` adds or overrides options (limiter, afterSend, flattenOnStop, a later `after`, ...).
 */
export function runOnStub(
  prisma: PrismaClient,
  deploymentId: string,
  stub: ExchangeStub,
  { timeoutMs, ...extra }: RunExtras & { timeoutMs?: number } = {},
): StubDeploymentRun {
  const recorded: number[] = [];
  const abort = new AbortController();
  const running = runExchangeDeployment({
    prisma,
    deploymentId,
    exchange: stubExchange(stub, timeoutMs),
    retry: { baseDelayMs: 20 },
    signal: abort.signal,
    after: start - MINUTE,
    pollIntervalMs: 10,
    onCandleRecorded: (time) => recorded.push(time),
    ...extra,
  });
  const step = async (count = recorded.length + 1) => {
    stub.advance(MINUTE);
    for (let i = 0; i < 4000 && recorded.length < count; i++) await sleep(5);
  };
  const stop = () => {
    abort.abort();
    return running;
  };
  return { recorded, abort, running, step, stop };
}
