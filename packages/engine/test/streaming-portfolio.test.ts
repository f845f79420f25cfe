/** The live runner's multi-symbol path: each open time's candles pushed together give the batch portfolio result. */
import { readFileSync } from "node:fs";
import { backtestSettingsSchema } from "@tradegraph/contracts";
import type { Candle, CandleColumns } from "@tradegraph/nodes";
import { describe, expect, it } from "vitest";
import { compileGraph, planStrategy } from "../src/plan-strategy.ts";
import { runBacktest } from "../src/run-backtest.ts";
import { TradingSession } from "../src/session.ts";
import { unionTimeline, windowColumns } from "../src/timeline.ts";
import { bundled } from "./helpers.ts";

const HOUR = 3_600_000;
const from = Date.UTC(2024, 0, 1);
const to = Date.UTC(2024, 6, 1);

/** Drops candles whose index is in `gaps` (an exchange outage on one symbol). */
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

function candleOf(columns: CandleColumns, i: number): Candle {
  return {
    time: columns.time[i]!,
    open: columns.open[i]!,
    high: columns.high[i]!,
    low: columns.low[i]!,
    close: columns.close[i]!,
    volume: columns.volume[i]!,
  };
}

describe("streaming portfolio session", () => {
  it("pushCandles per open time reproduces the two-symbol batch backtest, gaps included", () => {
    const graph = JSON.parse(
      readFileSync(new URL("../../../examples/sma-crossover.json", import.meta.url), "utf8"),
    );
    const plan = compileGraph(graph);
    const settings = backtestSettingsSchema.parse({ closeAtEnd: false, slippage: { mode: "bps", bps: 3 } });
    const btc = windowColumns(bundled("binance_BTCUSDT_1h.csv.gz"), from, to);
    // ETH starts a day later and misses a few hours in the middle: BTC trades alone then.
    const eth = withGaps(
      windowColumns(bundled("binance_ETHUSDT_1h.csv.gz"), from + 24 * HOUR, to),
      new Set([500, 501, 502, 1800]),
    );
    const batch = runBacktest({ plan, candles: { "BTC/USDT": btc, "ETH/USDT": eth }, settings });
    expect(new Set(batch.trades.map((t) => t.symbol))).toEqual(new Set(["BTC/USDT", "ETH/USDT"]));

    const session = new TradingSession({
      symbols: ["BTC/USDT", "ETH/USDT"],
      timeframeMs: HOUR,
      settings,
      createStrategy: planStrategy(plan),
    });
    const pointers = [0, 0];
    const equity: number[] = [];
    for (const time of unionTimeline([btc, eth])) {
      const bar = [btc, eth].map((columns, s) =>
        columns.time[pointers[s]!] === time ? candleOf(columns, pointers[s]!++) : undefined,
      );
      session.pushCandles(bar);
      equity.push(session.portfolio.equity());
    }
    expect(session.portfolio.ledger.trades).toEqual(batch.trades);
    expect(session.portfolio.ledger.orderLog).toEqual(batch.orders);
    expect(equity).toEqual(Array.from(batch.equity));
  });
});
