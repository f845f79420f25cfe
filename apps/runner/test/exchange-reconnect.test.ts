import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { bundledFile, readCandleFile } from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { type CandleColumns, sliceCandleColumns } from "@tradegraph/nodes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExchangeDeployment } from "../src/exchange/run-exchange-deployment.ts";
import { createTradingExchange } from "../src/exchange/trading-exchange.ts";
import { createQueuedRun, exampleGraph, storedSettings, YEAR_2024 } from "./helpers/runs.ts";

const MINUTE = 60_000;
const start = Date.UTC(2025, 6, 1);
const BARS = 240;
const OUTAGE_MS = 1500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("an exchange outage mid-run (real ccxt against the stub): reconcile before acting again", () => {
  let db: TestDatabase;
  let minutes: CandleColumns;
  const stubs: ExchangeStub[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    const parsed = await readCandleFile(bundledFile("BTC/USDT", "1m").path, { timeframe: "1m" });
    if (!parsed.ok) throw new Error("bundled 1m candles do not parse");
    const all = parsed.candles as CandleColumns;
    const from = all.time.indexOf(start);
    minutes = sliceCandleColumns(all, from, from + BARS + 5);
  });
  afterAll(async () => {
    for (const stub of stubs) await stub.stop();
    await db?.drop();
  });

  it.each([
    ["an entry", 1, /an entry of .* filled while the exchange was unreachable; booked/],
    ["an exit", 2, /an exit at .* filled while the exchange was unreachable; booked/],
  ])(
    "when %s reaches the exchange but its answer is lost in the outage, it is booked once and the books agree",
    async (_what, nth, reconciled) => {
      const stub = await startExchangeStub({
        candles: { "BTC/USDT": { "1m": minutes } },
        now: start + 15_000,
        balances: { USDT: 10_000 },
      });
      stubs.push(stub);
      const { userId, versionId } = await createQueuedRun(
        db.prisma,
        exampleGraph("sma-crossover"),
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
        config: { timeout: 1000 },
      });
      const recorded: number[] = [];
      const abort = new AbortController();
      let sent = 0;
      let outageAt: string | undefined;
      const running = runExchangeDeployment({
        prisma: db.prisma,
        deploymentId: deployment.id,
        exchange,
        retry: { baseDelayMs: 20, attempts: 4 },
        signal: abort.signal,
        after: start - MINUTE,
        pollIntervalMs: 10,
        flattenOnStop: () => true,
        onCandleRecorded: (time) => recorded.push(time),
        // The exchange took the nth order, then goes down before its answer (status, fills) is read.
        afterSend: (clientOrderId) => {
          if (++sent !== nth) return;
          outageAt = clientOrderId;
          stub.setDown(503);
          setTimeout(() => stub.setDown(null), OUTAGE_MS);
        },
      });
      for (let k = 1; k <= BARS; k++) {
        stub.advance(MINUTE);
        for (let i = 0; i < 4000 && recorded.length < k; i++) await sleep(5);
      }
      abort.abort();
      const loop = await running;

      expect(outageAt).toBeDefined();
      expect(stub.requests.filter((r) => r.status === 503).length).toBeGreaterThan(0);
      // Every candle was handled once; the deployment rode out the outage instead of failing.
      expect(recorded).toEqual(Array.from(minutes.time.slice(0, BARS)));
      const onExchange = stub.orders();
      const orders = await db.prisma.order.findMany({
        where: { deploymentId: deployment.id },
        orderBy: { createdAt: "asc" },
      });
      // Nothing doubled or lost: one buy and one sell per round trip, each recorded as filled.
      expect(loop.trades.length).toBeGreaterThan(1);
      expect(onExchange).toHaveLength(2 * loop.trades.length);
      expect(orders.map((o) => o.clientOrderId)).toEqual(onExchange.map((o) => o.clientOrderId));
      expect(orders.every((o) => o.status === "filled")).toBe(true);
      expect(await db.prisma.fill.count({ where: { deploymentId: deployment.id } })).toBe(
        stub.trades().length,
      );
      // The books are the exchange's: booked entry prices are its buy fills, and the cash is the account's.
      const buys = stub.trades().filter((t) => t.isBuyer);
      loop.trades.forEach((t, i) => {
        expect(t.entryPrice).toBeCloseTo(buys[i]!.price, 6);
      });
      const balances = stub.balances();
      const dustValue = (balances.BTC?.free ?? 0) * Math.max(...loop.trades.map((t) => t.exitPrice));
      expect(Math.abs(loop.session.portfolio.ledger.cash - balances.USDT!.free)).toBeLessThanOrEqual(
        dustValue + 1e-6,
      );
      const position = await db.prisma.position.findFirstOrThrow({ where: { deploymentId: deployment.id } });
      expect(Number(position.quantity)).toBe(0);
      // The reconcile said what it booked.
      const events = await db.prisma.deploymentEvent.findMany({
        where: { deploymentId: deployment.id, kind: "exchange.reconciled" },
      });
      expect(events.map((e) => e.message)).toContainEqual(expect.stringMatching(reconciled));
    },
  );
});
