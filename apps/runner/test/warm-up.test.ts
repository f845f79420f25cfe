import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { compileGraph, runBacktest, type Trade } from "@tradegraph/engine";
import { bundledFile, CandleStore, readCandleFile } from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { type CandleColumns, sliceCandleColumns, warmupBars } from "@tradegraph/nodes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { warmUpLength } from "../src/deployments/warm-up.ts";
import { waitUntilRunning } from "./helpers/control-queue.ts";
import { runPaperOnStub } from "./helpers/paper-run.ts";
import { createDeployment, exampleGraph } from "./helpers/runs.ts";

const MINUTE = 60_000;
const start = Date.UTC(2025, 6, 1);
const BARS = 900;
const SERIES = { exchange: "binance", symbol: "BTC/USDT", timeframe: "1m" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("warm-up from stored candles on (re)start (real ccxt against the stub, PostgreSQL candle store)", () => {
  let db: TestDatabase;
  let store: CandleStore;
  let stub: ExchangeStub;
  let minutes: CandleColumns;
  const graph = exampleGraph("sma-crossover");

  beforeAll(async () => {
    db = await createTestDatabase();
    store = CandleStore.open(db.url);
    const parsed = await readCandleFile(bundledFile("BTC/USDT", "1m").path, { timeframe: "1m" });
    if (!parsed.ok) throw new Error("bundled 1m candles do not parse");
    const all = parsed.candles as CandleColumns;
    const from = all.time.indexOf(start);
    minutes = sliceCandleColumns(all, from, from + BARS);
  });
  afterAll(async () => {
    await stub?.stop();
    await store?.close();
    await db?.drop();
  });

  it("the first live decision after start is the backtest's decision at that bar", async () => {
    const backtest = runBacktest({
      candles: { "BTC/USDT": minutes },
      graph,
      settings: { initialCash: 10_000 },
    });
    const history = warmUpLength(warmupBars(compileGraph(graph), MINUTE));
    // The first backtest entry decided (at bar T, filled at T+1's open) once a full warm-up lies behind it.
    const entryBar = (t: Trade) => minutes.time.indexOf(t.entryTime);
    const trade = backtest.trades.find((t) => entryBar(t) - 1 >= history + 5);
    expect(trade).toBeDefined();
    const T = entryBar(trade!) - 1;
    // Cash as the backtest had it at T: the start plus what earlier round trips made.
    const cash =
      10_000 + backtest.trades.filter((t) => t.exitTime <= minutes.time[T]!).reduce((a, t) => a + t.pnl, 0);
    expect(
      backtest.trades.some((t) => t.entryTime <= minutes.time[T]! && t.exitTime > minutes.time[T]!),
    ).toBe(false);

    // The store holds history up to T-10; the exchange only knows candles from T-20 on, so the warm-up
    // needs both: the store for the old part, the exchange for the nine most recent closed candles.
    await store.write(SERIES, sliceCandleColumns(minutes, 0, T - 9));
    stub = await startExchangeStub({
      candles: { "BTC/USDT": { "1m": sliceCandleColumns(minutes, T - 20, BARS) } },
      now: minutes.time[T - 1]! + MINUTE + 15_000,
    });

    const run = async (withStore: boolean) => {
      const { deployment } = await createDeployment(db.prisma, graph, { paperCash: cash });
      stub.setNow(minutes.time[T - 1]! + MINUTE + 15_000);
      const { recorded, stop } = runPaperOnStub(db.prisma, deployment.id, stub, withStore ? { store } : {});
      await waitUntilRunning(db.prisma, deployment.id);
      // Bar T closes (the decision), then T+1 (the order fills at its open).
      for (const k of [T, T + 1]) {
        stub.setNow(minutes.time[k]! + MINUTE + 15_000);
        for (let i = 0; i < 2000 && !recorded.includes(minutes.time[k]!); i++) await sleep(5);
      }
      const loop = await stop();
      const position = await db.prisma.position.findFirst({ where: { deploymentId: deployment.id } });
      return { recorded, loop, position };
    };

    const warmed = await run(true);
    // Live trading began with bar T: nothing from the warm-up was traded or recorded as live.
    expect(warmed.recorded).toEqual([minutes.time[T], minutes.time[T + 1]]);
    // Every one of the warm-up bars was seen (store part and exchange part), then T and T+1.
    expect(warmed.loop.session.bars[0]!.index).toBe(history + 1);
    const slot = warmed.loop.session.portfolio.slots[0]!;
    expect(slot.quantity).toBeCloseTo(trade!.quantity, 12);
    expect(Number(warmed.position?.quantity)).toBeCloseTo(trade!.quantity, 12);
    expect(Number(warmed.position?.averageEntryPrice)).toBe(trade!.entryPrice);

    // Control: without the stored history the exchange's 20 candles are too few to decide at T.
    const cold = await run(false);
    expect(cold.recorded).toEqual([minutes.time[T], minutes.time[T + 1]]);
    expect(cold.loop.session.bars[0]!.index).toBe(20 + 1);
    expect(cold.loop.session.portfolio.slots[0]!.quantity).toBe(0);
  });
});
