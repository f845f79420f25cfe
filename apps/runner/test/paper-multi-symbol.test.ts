import { redisConnectionOptions } from "@tradegraph/config";
import { deploymentMarksKey } from "@tradegraph/contracts";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import { compileGraph, runBacktest } from "@tradegraph/engine";
import { bundledFile, readCandleFile } from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { type CandleColumns, candlesInTimeRange, warmupBars } from "@tradegraph/nodes";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { warmUpLength } from "../src/deployments/warm-up.ts";
import { waitUntilRunning } from "./helpers/control-queue.ts";
import { runPaperOnStub } from "./helpers/paper-run.ts";
import { createDeployment, exampleGraph } from "./helpers/runs.ts";

const HOUR = 3_600_000;
const start = Date.UTC(2024, 2, 1);
const BARS = 700;
const end = start + BARS * HOUR;

async function bundledHours(symbol: string): Promise<CandleColumns> {
  const parsed = await readCandleFile(bundledFile(symbol, "1h").path, { timeframe: "1h" });
  if (!parsed.ok) throw new Error(`bundled ${symbol} 1h candles do not parse`);
  return parsed.candles as CandleColumns;
}

/** Leaves out the candles at the given indexes: an exchange outage on that market. */
function withGaps(columns: CandleColumns, gaps: ReadonlySet<number>): CandleColumns {
  const keep = Array.from(columns.time.keys()).filter((i) => !gaps.has(i));
  const pick = (values: Float64Array) => Float64Array.from(keep, (i) => values[i]!);
  return {
    time: pick(columns.time),
    open: pick(columns.open),
    high: pick(columns.high),
    low: pick(columns.low),
    close: pick(columns.close),
    volume: pick(columns.volume),
  };
}

/** Prices read back from the decimal column may differ from the float in the last digit: 15 significant digits are compared. */
const digits = (price: number) => Number(price.toPrecision(15));

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a two-symbol paper deployment on live candles from the exchange stub (real ccxt, PostgreSQL, Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let publisher: Redis;
  let stub: ExchangeStub;
  let btc: CandleColumns;
  let eth: CandleColumns;
  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    publisher = new Redis(redisConnectionOptions(redis.url));
    // A few candles past the end, so the exchange has a forming candle like the real one.
    btc = candlesInTimeRange(await bundledHours("BTC/USDT"), start, end + 5 * HOUR);
    // ETH starts three hours later and misses four hours in the middle: BTC trades alone then.
    eth = withGaps(
      candlesInTimeRange(await bundledHours("ETH/USDT"), start + 3 * HOUR, end + 5 * HOUR),
      new Set([150, 151, 152, 400]),
    );
    stub = await startExchangeStub({
      candles: { "BTC/USDT": { "1h": btc }, "ETH/USDT": { "1h": eth } },
      now: start + 15_000,
    });
  });
  afterAll(async () => {
    await stub?.stop();
    publisher?.disconnect();
    await db?.drop();
    await redis?.cleanup();
  });

  it("records exactly the trades of the backtest of the same graph on the same candles, for both symbols", async () => {
    // Bollinger bounce trades both symbols often on these hours; stepping the symbols one after the other
    // (each seeing the other's previous close in its equity) gives other trades than the backtest here.
    const graph = exampleGraph("bollinger-bounce");
    const { deployment } = await createDeployment(db.prisma, graph, {
      symbols: ["BTC/USDT", "ETH/USDT"],
      timeframe: "1h",
    });
    const { recorded, stop } = runPaperOnStub(db.prisma, deployment.id, stub, {
      redis: publisher,
      prefix: redis.prefix,
      after: start - HOUR,
    });
    const recordedUntil = async (time: number) => {
      for (let i = 0; i < 6000 && (recorded.at(-1) ?? 0) < time; i++) await wait(5);
    };
    // Most hours close at once (catch-up), the last ones one by one.
    stub.setNow(end - 10 * HOUR + 15_000);
    for (let t = end - 10 * HOUR; t < end; t += HOUR) {
      await recordedUntil(t - 2 * HOUR);
      stub.advance(HOUR);
    }
    await recordedUntil(end - HOUR);
    const loop = await stop();

    const traded = {
      "BTC/USDT": candlesInTimeRange(btc, start, end),
      "ETH/USDT": candlesInTimeRange(eth, start, end),
    };
    // The portfolio clock: every hour some symbol has a candle, each once, in order.
    const clock = [...new Set([...traded["BTC/USDT"].time, ...traded["ETH/USDT"].time])].sort(
      (a, b) => a - b,
    );
    expect(recorded).toEqual(clock);

    const backtest = runBacktest({
      candles: traded,
      graph,
      settings: { initialCash: 10_000, closeAtEnd: false },
    });
    expect(new Set(backtest.trades.map((t) => t.symbol))).toEqual(new Set(["BTC/USDT", "ETH/USDT"]));
    expect(loop.trades).toEqual(backtest.trades);
    expect(loop.equity).toBe(backtest.equity.at(-1));

    const rows = await db.prisma.deploymentTrade.findMany({
      where: { deploymentId: deployment.id },
      orderBy: [{ exitTime: "asc" }, { symbol: "asc" }],
    });
    const byExit = [...backtest.trades].sort(
      (a, b) => a.exitTime - b.exitTime || a.symbol.localeCompare(b.symbol),
    );
    expect(
      rows.map((r) => [
        r.symbol,
        r.entryTime.getTime(),
        digits(Number(r.entryPrice)),
        r.exitTime.getTime(),
        digits(Number(r.exitPrice)),
      ]),
    ).toEqual(
      byExit.map((t) => [t.symbol, t.entryTime, digits(t.entryPrice), t.exitTime, digits(t.exitPrice)]),
    );

    const positions = await db.prisma.position.findMany({
      where: { deploymentId: deployment.id },
      orderBy: { symbol: "asc" },
    });
    expect(positions.map((p) => [p.symbol, Number(p.quantity)])).toEqual(
      loop.session.slots.map((slot) => [slot.symbol, slot.quantity]),
    );
    const marks = await publisher.hgetall(`${redis.prefix}:${deploymentMarksKey(deployment.id)}`);
    expect(JSON.parse(marks["BTC/USDT"]!)).toEqual({
      price: traded["BTC/USDT"].close.at(-1),
      time: traded["BTC/USDT"].time.at(-1),
    });
    expect(JSON.parse(marks["ETH/USDT"]!)).toEqual({
      price: traded["ETH/USDT"].close.at(-1),
      time: traded["ETH/USDT"].time.at(-1),
    });
    const row = await db.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
    expect(row.status).toBe("stopped");
  });

  it("warms every symbol up to one common close and trades a candle the exchange published only after the warm-up", async () => {
    const s0 = Date.UTC(2024, 5, 1);
    const until = s0 + 399 * HOUR; // the last closed hour when the deployment starts
    const liveEnd = s0 + 420 * HOUR;
    const btcAll = candlesInTimeRange(await bundledHours("BTC/USDT"), s0, liveEnd + 5 * HOUR);
    const ethAll = withGaps(
      candlesInTimeRange(await bundledHours("ETH/USDT"), s0, liveEnd + 5 * HOUR),
      new Set([380]), // a gap inside the warm-up
    );
    // ETH's last closed hour is not published yet at start (index 398 after the gap: hour 399).
    expect(ethAll.time[398]).toBe(until);
    const late = await startExchangeStub({
      candles: { "BTC/USDT": { "1h": btcAll }, "ETH/USDT": { "1h": withGaps(ethAll, new Set([398])) } },
      now: until + HOUR + 15_000,
    });
    try {
      const graph = exampleGraph("sma-crossover");
      const { deployment } = await createDeployment(db.prisma, graph, {
        symbols: ["BTC/USDT", "ETH/USDT"],
        timeframe: "1h",
      });
      const { recorded, stop } = runPaperOnStub(db.prisma, deployment.id, late);
      await waitUntilRunning(db.prisma, deployment.id);
      late.loadCandles("ETH/USDT", "1h", ethAll); // the exchange publishes ETH's hour 399 late
      late.setNow(liveEnd + 15_000);
      for (let i = 0; i < 6000 && (recorded.at(-1) ?? 0) < liveEnd - HOUR; i++) await wait(5);
      const loop = await stop();

      // Hour 399 is a bar of ETH alone (BTC's was in its warm-up), then every hour of both.
      expect(recorded).toEqual(Array.from({ length: 21 }, (_, k) => until + k * HOUR));
      // Every candle from the warm-up window to the end went through each strategy exactly once.
      const from = until - (warmUpLength(warmupBars(compileGraph(graph), HOUR)) - 1) * HOUR;
      expect(loop.session.bars.map((bar) => bar.index + 1)).toEqual([
        candlesInTimeRange(btcAll, from, liveEnd).time.length,
        candlesInTimeRange(ethAll, from, liveEnd).time.length,
      ]);
    } finally {
      await late.stop();
    }
  });
});
