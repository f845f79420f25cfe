/** Warm-up on (re)start: history goes through the strategy only, then trading matches the backtest from there. */
import { readFileSync } from "node:fs";
import { backtestSettingsSchema } from "@tradegraph/contracts";
import { describe, expect, it } from "vitest";
import { compileGraph, planStrategy } from "../src/plan-strategy.ts";
import { runBacktest } from "../src/run-backtest.ts";
import { TradingSession } from "../src/session.ts";
import { slice } from "./helpers.ts";

const graph = JSON.parse(
  readFileSync(new URL("../../../examples/sma-crossover.json", import.meta.url), "utf8"),
);
const candles = slice("binance_ETHUSDT_1h.csv.gz", 30_000, 32_000);
const candle = (i: number) => ({
  time: candles.time[i]!,
  open: candles.open[i]!,
  high: candles.high[i]!,
  low: candles.low[i]!,
  close: candles.close[i]!,
  volume: candles.volume[i]!,
});

describe("TradingSession.warmUp", () => {
  it("drops the history's signals and fills nothing; from the first flat-started live bar on it trades as the batch run", () => {
    const plan = compileGraph(graph);
    const settings = backtestSettingsSchema.parse({ closeAtEnd: false });
    const batch = runBacktest({ plan, candles: { "ETH/USDT": candles }, settings });
    // Start live right after a batch round trip ended, so the batch is flat there too.
    const resumeAfter = batch.trades.find((t) => t.exitTime > candles.time[200]!)!.exitTime;
    const first = candles.time.indexOf(resumeAfter) + 1;
    const session = new TradingSession({
      symbols: ["ETH/USDT"],
      timeframeMs: 3_600_000,
      settings,
      createStrategy: planStrategy(plan),
    });
    for (let i = 0; i < first; i++) session.warmUp(0, candle(i));
    expect(session.portfolio.ledger.trades).toEqual([]);
    expect(session.portfolio.ledger.orderLog).toEqual([]);
    expect(session.portfolio.slots[0]!.pending).toEqual([]);
    expect(session.bars[0]!.index).toBe(first - 1);
    for (let i = first; i < candles.time.length; i++) session.pushCandle(0, candle(i));
    const later = batch.trades.filter((t) => t.entryTime > resumeAfter);
    expect(later.length).toBeGreaterThan(3);
    const live = session.portfolio.ledger.trades;
    expect(live.map((t) => [t.entryTime, t.exitTime, t.exitReason])).toEqual(
      later.map((t) => [t.entryTime, t.exitTime, t.exitReason]),
    );
    expect(live.map((t) => t.entryPrice)).toEqual(later.map((t) => t.entryPrice));
  });
});
