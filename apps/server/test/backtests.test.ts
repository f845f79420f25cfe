import { redisConnectionOptions } from "@tradegraph/config";
import type { BacktestRunEvent } from "@tradegraph/contracts";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smaCrossover } from "./fixtures/graphs.ts";
import { startBacktestWorker } from "./helpers/backtest-worker.ts";
import { expectAppError, expectInputError } from "./helpers/errors.ts";
import { type Caller, createHarness, type Harness } from "./helpers/harness.ts";

let h: Harness;
let trader: Caller;
let strategyId: string;
const workers: Worker[] = [];
// 2024 on BTC/USDT 1h: real bundled Binance candles.
const year2024 = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2025, 0, 1) };

beforeAll(async () => {
  h = await createHarness();
  trader = (await h.signUp()).caller;
  strategyId = (await trader.strategies.create({ name: "SMA", graph: smaCrossover(20, 50), message: "v1" }))
    .id;
  await trader.strategies.saveVersion({ strategyId, graph: smaCrossover(10, 30), message: "faster" });
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await h?.close();
});

const start = (versionNumber: number) =>
  trader.backtests.start({
    strategyId,
    versionNumber,
    symbols: ["BTC/USDT"],
    timeframe: "1h",
    ...year2024,
    settings: { initialCash: 10_000 },
  });

describe("backtest runs", () => {
  it("starts at once, streams progress and the result to a subscribed client", async () => {
    const run = await start(1);
    expect(run.status).toBe("queued");
    expect(run.settings.settings.fees).toEqual({ maker: 0.001, taker: 0.001 }); // defaults are explicit and stored
    const events: BacktestRunEvent[] = [];
    const stream = await trader.backtests.watch({ runId: run.id });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    events.push(first.value as BacktestRunEvent);
    // The worker starts only now: every progress event must cross Redis to reach this subscription.
    workers.push(startBacktestWorker(h.db.prisma, redisConnectionOptions(h.redis.url), h.redis.prefix));
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      events.push(next.value as BacktestRunEvent);
    }
    expect(events[0]).toMatchObject({ kind: "status", status: "queued" });
    const progress = events
      .filter((e) => e.kind === "progress")
      .map((e) => (e as { fraction: number }).fraction);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(1);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ kind: "finished", status: "succeeded", error: null });
    const metrics = (last as { metrics: { initialEquity: number; trades: number } }).metrics;
    expect(metrics.initialEquity).toBe(10_000);

    const { result } = await trader.backtests.result({ runId: run.id });
    const r = result as {
      trades: { entryTime: number }[];
      equity: { time: number[]; equity: number[] };
      metrics: { trades: number };
    };
    expect(r.trades.length).toBe(r.metrics.trades);
    expect(r.trades.length).toBeGreaterThan(10);
    // 2024 has 8,784 hours; the bundled file may miss a few exchange outage hours.
    expect(r.equity.time.length).toBeGreaterThan(8700);
    expect(r.equity.time[0]).toBe(year2024.from);
    const row = await h.db.prisma.backtestRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(row.resultBytes).toBe(row.result!.length);
    expect(row.resultBytes!).toBeLessThan(JSON.stringify(result).length / 3);
  });

  it("lists runs per strategy and compares two of them metric by metric", async () => {
    const second = await start(2);
    const stream = await trader.backtests.watch({ runId: second.id });
    for await (const event of stream) if (event.kind === "finished") expect(event.status).toBe("succeeded");
    const runs = await trader.backtests.list({ strategyId });
    expect(runs.map((r) => r.versionNumber)).toEqual([2, 1]);
    const comparison = await trader.backtests.compare({ runIdA: runs[1]!.id, runIdB: runs[0]!.id });
    const totalReturn = comparison.metrics.find((m) => m.metric === "totalReturn")!;
    expect(totalReturn.difference).toBeCloseTo(totalReturn.b - totalReturn.a, 12);
    expect(comparison.a.versionNumber).toBe(1);
    expect(comparison.b.versionNumber).toBe(2);
    // Different versions traded differently on the same candles.
    expect(comparison.metrics.find((m) => m.metric === "trades")!.difference).not.toBe(0);
  });

  it("cancels a queued run and ends its stream", async () => {
    await Promise.all(workers.map((w) => w.pause()));
    const run = await start(1);
    const cancelled = await trader.backtests.cancel({ runId: run.id });
    expect(cancelled.status).toBe("cancelled");
    expect(await h.deps.queues.backtests.getJob(run.id)).toBeUndefined();
    const events: BacktestRunEvent[] = [];
    for await (const event of await trader.backtests.watch({ runId: run.id })) events.push(event);
    expect(events.at(-1)).toMatchObject({
      kind: "finished",
      status: "cancelled",
      error: "Cancelled by the user.",
    });
    await expectAppError(trader.backtests.cancel({ runId: run.id }), "CONFLICT");
    await expectAppError(trader.backtests.result({ runId: run.id }), "CONFLICT");
    for (const w of workers) w.resume();
  });

  it("validates the range and settings before enqueuing", async () => {
    await expectInputError(
      trader.backtests.start({
        strategyId,
        versionNumber: 1,
        symbols: ["BTC/USDT"],
        timeframe: "1h",
        from: year2024.to,
        to: year2024.from,
      }),
    );
    await expectInputError(
      trader.backtests.start({
        strategyId,
        versionNumber: 1,
        symbols: ["BTCUSDT"],
        timeframe: "1h",
        ...year2024,
      }),
    );
    await expectInputError(
      trader.backtests.start({
        strategyId,
        versionNumber: 1,
        symbols: ["BTC/USDT"],
        timeframe: "1h",
        ...year2024,
        settings: { fees: { taker: 0.5 } },
      }),
    );
    await expectAppError(
      trader.backtests.start({
        strategyId,
        versionNumber: 9,
        symbols: ["BTC/USDT"],
        timeframe: "1h",
        ...year2024,
      }),
      "NOT_FOUND",
    );
  });
});
