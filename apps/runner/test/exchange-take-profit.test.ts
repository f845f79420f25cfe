import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { bundledFile, readCandleFile } from "@tradegraph/market-data";
import { startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { type CandleColumns, sliceCandleColumns } from "@tradegraph/nodes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExchangeDeployment } from "../src/exchange/run-exchange-deployment.ts";
import { createTradingExchange } from "../src/exchange/trading-exchange.ts";
import { createQueuedRun, exampleGraph, storedSettings, YEAR_2024 } from "./helpers/runs.ts";

const MINUTE = 60_000;
const start = Date.UTC(2025, 6, 1);
const BARS = 300;
const TARGET_PCT = 0.1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The SMA crossover with a take-profit TARGET_PCT % above the entry on its buy order. */
function crossoverWithTarget(): unknown {
  const graph = exampleGraph("sma-crossover") as {
    nodes: object[];
    edges: object[];
  };
  graph.nodes.push({
    id: "target",
    type: "order.takeProfit",
    version: 1,
    params: { mode: "percent", percent: TARGET_PCT, minRewardRisk: 0 },
    position: { x: 0, y: 300 },
  });
  graph.edges.push({
    id: "eTarget",
    from: { node: "target", port: "rule" },
    to: { node: "buy", port: "exits" },
  });
  return graph;
}

describe("take-profit targets rest on the exchange as limit sells (real ccxt against the stub)", () => {
  let db: TestDatabase;
  let minutes: CandleColumns;
  beforeAll(async () => {
    db = await createTestDatabase();
    const parsed = await readCandleFile(bundledFile("BTC/USDT", "1m").path, { timeframe: "1m" });
    if (!parsed.ok) throw new Error("bundled 1m candles do not parse");
    const all = parsed.candles as CandleColumns;
    const from = all.time.indexOf(start);
    minutes = sliceCandleColumns(all, from, from + BARS + 5);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("a target fills at its own price on the exchange; any other exit cancels it first; nothing is left resting", async () => {
    const stub = await startExchangeStub({
      candles: { "BTC/USDT": { "1m": minutes } },
      now: start + 15_000,
      balances: { USDT: 10_000 },
    });
    try {
      const { userId, versionId } = await createQueuedRun(
        db.prisma,
        crossoverWithTarget(),
        storedSettings(YEAR_2024),
      );
      const deployment = await db.prisma.deployment.create({
        data: {
          ownerId: userId,
          strategyVersionId: versionId,
          mode: "testnet",
          symbols: ["BTC/USDT"],
          timeframe: "1m",
          riskLimits: {},
        },
      });
      const urls = (stub.ccxtConfig() as { urls: { api: Record<string, string> } }).urls.api;
      const exchange = createTradingExchange({
        exchangeId: "binance",
        mode: "testnet",
        apiKey: stub.apiKey,
        secret: stub.secret,
        urls,
        config: { timeout: 2000 },
      });
      const recorded: number[] = [];
      const abort = new AbortController();
      const running = runExchangeDeployment({
        prisma: db.prisma,
        deploymentId: deployment.id,
        exchange,
        retry: { baseDelayMs: 20 },
        signal: abort.signal,
        after: start - MINUTE,
        pollIntervalMs: 10,
        flattenOnStop: () => true,
        onCandleRecorded: (time) => recorded.push(time),
      });
      for (let k = 1; k <= BARS; k++) {
        stub.advance(MINUTE);
        for (let i = 0; i < 4000 && recorded.length < k; i++) await sleep(5);
      }
      abort.abort();
      const loop = await running;
      expect(recorded).toEqual(Array.from(minutes.time.slice(0, BARS)));

      const limits = stub.orders().filter((o) => o.type === "LIMIT");
      const targets = loop.trades.filter((t) => t.exitReason === "takeProfit");
      expect(targets.length).toBeGreaterThan(0);
      // Every entry rested its target right away: one limit sell per round trip.
      expect(limits).toHaveLength(loop.trades.length);
      for (const trade of targets) {
        // Filled at the target (entry + TARGET_PCT %, to the tick), not at some later close.
        const limit = limits.find((o) => o.status === "FILLED" && Math.abs(o.price - trade.exitPrice) < 1e-6);
        expect(limit).toBeDefined();
        expect(trade.exitPrice).toBeCloseTo(trade.entryPrice * (1 + TARGET_PCT / 100), 1);
      }
      // The round trips that ended otherwise cancelled their target before selling at market.
      const otherExits = loop.trades.length - targets.length;
      expect(limits.filter((o) => o.status === "CANCELED")).toHaveLength(otherExits);
      expect(limits.some((o) => o.status === "NEW" || o.status === "PARTIALLY_FILLED")).toBe(false);

      // Recorded exactly as the exchange has it, and the books agree with the account.
      const orders = await db.prisma.order.findMany({ where: { deploymentId: deployment.id } });
      expect(new Set(orders.map((o) => o.clientOrderId))).toEqual(
        new Set(stub.orders().map((o) => o.clientOrderId)),
      );
      const byId = new Map(orders.map((o) => [o.clientOrderId, o.status]));
      for (const o of limits)
        expect(byId.get(o.clientOrderId)).toBe(o.status === "FILLED" ? "filled" : "cancelled");
      expect(await db.prisma.fill.count({ where: { deploymentId: deployment.id } })).toBe(
        stub.trades().length,
      );
      const balances = stub.balances();
      expect(balances.BTC?.locked ?? 0).toBe(0);
      const dustValue = (balances.BTC?.free ?? 0) * Math.max(...loop.trades.map((t) => t.exitPrice));
      expect(Math.abs(loop.session.portfolio.ledger.cash - balances.USDT!.free)).toBeLessThanOrEqual(
        dustValue + 1e-6,
      );
    } finally {
      await stub.stop();
    }
  });

  it("after a restart, a target left resting is cancelled first, the position is what the account holds and its target rests again", async () => {
    const stub = await startExchangeStub({
      candles: { "BTC/USDT": { "1m": minutes } },
      now: start + 15_000,
      balances: { USDT: 10_000 },
    });
    try {
      const { userId, versionId } = await createQueuedRun(
        db.prisma,
        crossoverWithTarget(),
        storedSettings(YEAR_2024),
      );
      const deployment = await db.prisma.deployment.create({
        data: {
          ownerId: userId,
          strategyVersionId: versionId,
          mode: "testnet",
          symbols: ["BTC/USDT"],
          timeframe: "1m",
          riskLimits: {},
        },
      });
      const urls = (stub.ccxtConfig() as { urls: { api: Record<string, string> } }).urls.api;
      const life = (after: number, recorded: number[], abort: AbortController) =>
        runExchangeDeployment({
          prisma: db.prisma,
          deploymentId: deployment.id,
          exchange: createTradingExchange({
            exchangeId: "binance",
            mode: "testnet",
            apiKey: stub.apiKey,
            secret: stub.secret,
            urls,
            config: { timeout: 2000 },
          }),
          retry: { baseDelayMs: 20 },
          signal: abort.signal,
          after,
          pollIntervalMs: 10,
          onCandleRecorded: (time) => recorded.push(time),
        });
      // First life: stops (no flattening) while a target rests on the exchange.
      const first: number[] = [];
      const stopFirst = new AbortController();
      const running = life(start - MINUTE, first, stopFirst);
      const resting = () => stub.orders().find((o) => o.type === "LIMIT" && o.status === "NEW");
      for (let k = 1; k <= BARS && !resting(); k++) {
        stub.advance(MINUTE);
        for (let i = 0; i < 4000 && first.length < k; i++) await sleep(5);
      }
      const left = resting();
      expect(left).toBeDefined();
      stopFirst.abort();
      await running;
      expect(stub.balances().BTC?.locked).toBeGreaterThan(0);

      // Second life: the leftover target is taken off before anything else (freeing the coins), then the
      // restored position's target rests again, for what the account holds.
      const second: number[] = [];
      const stopSecond = new AbortController();
      const resumed = life(first.at(-1)!, second, stopSecond);
      stub.advance(MINUTE);
      for (let i = 0; i < 4000 && second.length < 1; i++) await sleep(5);
      stopSecond.abort();
      const loop = await resumed;
      expect(stub.orders().find((o) => o.clientOrderId === left!.clientOrderId)?.status).toBe("CANCELED");
      const row = await db.prisma.order.findUniqueOrThrow({ where: { clientOrderId: left!.clientOrderId } });
      expect(row.status).toBe("cancelled");
      const balances = stub.balances();
      const slot = loop.session.portfolio.slots[0]!;
      expect(slot.quantity).toBeGreaterThan(0);
      expect(slot.quantity).toBeCloseTo(balances.BTC!.free + balances.BTC!.locked, 12);
      const rearmed = stub.orders().filter((o) => o.type === "LIMIT" && o.status === "NEW");
      expect(rearmed).toHaveLength(1);
      expect(rearmed[0]!.clientOrderId).not.toBe(left!.clientOrderId);
      expect(rearmed[0]!.price).toBe(left!.price);
      expect(balances.BTC!.locked).toBeCloseTo(rearmed[0]!.origQty, 12);
      expect(slot.quantity - rearmed[0]!.origQty).toBeLessThan(0.00001); // rounded down to the lot step
    } finally {
      await stub.stop();
    }
  });
});
