import { redisConnectionOptions } from "@tradegraph/config";
import { createTestRedis, type TestRedis } from "@tradegraph/db/testing";
import { compileGraph } from "@tradegraph/engine";
import { bundledFile, createExchange, ohlcvPageLimit, readCandleFile } from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { type CandleColumns, sliceCandleColumns, warmupBars } from "@tradegraph/nodes";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeploymentLoop } from "../src/deployments/deployment-loop.ts";
import { warmUpDeployment, warmUpLength } from "../src/deployments/warm-up.ts";
import { SharedRateLimiter } from "../src/rate-limit/token-bucket.ts";
import { exampleGraph } from "./helpers/runs.ts";

const MINUTE = 60_000;
const start = Date.UTC(2025, 6, 1);

/** The SMA crossover with a 500-bar slow average: its warm-up needs more than one page of candles. */
function slowCrossover(): unknown {
  const graph = exampleGraph("sma-crossover") as { nodes: { id: string; params: object }[] };
  graph.nodes.find((n) => n.id === "sma50")!.params = { period: 500 };
  return graph;
}

describe("warm-up candle requests go through the shared rate limiter orders use (real Redis, ccxt against the stub)", () => {
  let redis: TestRedis;
  let client: Redis;
  let stub: ExchangeStub;
  const graph = slowCrossover();
  const history = warmUpLength(warmupBars(compileGraph(graph), MINUTE));

  beforeAll(async () => {
    redis = createTestRedis();
    client = new Redis(redisConnectionOptions(redis.url));
    const parsed = await readCandleFile(bundledFile("BTC/USDT", "1m").path, { timeframe: "1m" });
    if (!parsed.ok) throw new Error("bundled 1m candles do not parse");
    const all = parsed.candles as CandleColumns;
    const from = all.time.indexOf(start);
    stub = await startExchangeStub({
      candles: { "BTC/USDT": { "1m": sliceCandleColumns(all, from - history - 10, from + 10) } },
      now: start + 15_000,
    });
  });
  afterAll(async () => {
    client?.disconnect();
    await stub?.stop();
    await redis?.cleanup();
  });

  /** Warms a fresh loop up to the last closed candle; returns the exchange requests it made. */
  async function warmUp(limiter: SharedRateLimiter, apiKeyId: string) {
    const exchange = createExchange("binance", stub.ccxtConfig());
    await exchange.loadMarkets();
    const loop = new DeploymentLoop({
      mode: "paper",
      graph,
      symbols: ["BTC/USDT"],
      timeframeMs: MINUTE,
    });
    const before = stub.requests.length;
    const began = performance.now();
    const result = await warmUpDeployment({
      loop,
      symbol: "BTC/USDT",
      timeframe: "1m",
      exchange,
      limiter: { limiter, apiKeyId },
    });
    return {
      result,
      requests: stub.requests.slice(before),
      elapsedMs: performance.now() - began,
      pageLimit: ohlcvPageLimit(exchange),
    };
  }

  it("every warm-up request (the exchange's time, each page of candles) takes one token of the key's bucket", async () => {
    // 100 tokens, refilling one an hour: what is missing afterwards is what the warm-up took.
    const limiter = new SharedRateLimiter(client, redis.prefix, { capacity: 100, perSecond: 1 / 3600 });
    const { result, requests, pageLimit } = await warmUp(limiter, "key-1");
    expect(result.bars).toBe(history);
    expect(result.lastTime).toBe(start - MINUTE);
    const pages = requests.filter((r) => r.path.includes("/klines"));
    expect(history).toBeGreaterThan(pageLimit);
    expect(pages.length).toBe(Math.ceil(history / pageLimit));
    expect(requests.some((r) => r.path.includes("/time"))).toBe(true);
    const left = Number(await client.hget(`${redis.prefix}:ratelimit:key-1`, "tokens"));
    expect(Math.round(100 - left)).toBe(requests.length);
  });

  it("with the bucket empty, the warm-up waits for its tokens like an order would", async () => {
    // One token of burst, two a second: three requests cannot finish before the third token, ~1 s later.
    const limiter = new SharedRateLimiter(client, redis.prefix, { capacity: 1, perSecond: 2 });
    const { requests, elapsedMs } = await warmUp(limiter, "key-2");
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(elapsedMs).toBeGreaterThanOrEqual(((requests.length - 1) / 2) * 1000 - 50);
  });
});
