/** The pair-ranking node in a portfolio run: only the best-ranked symbol of the universe trades. */
import { GraphBuilder } from "@tradegraph/nodes";
import { describe, expect, it } from "vitest";
import { runBacktest } from "../src/run-backtest.ts";
import { slice } from "./helpers.ts";

// 2023-01-01T00:00Z onwards, 600 hourly candles of three pairs (same hours).
const candles = {
  "BTC/USDT": slice("binance_BTCUSDT_1h.csv.gz", 43_703, 44_303),
  "ETH/USDT": slice("binance_ETHUSDT_1h.csv.gz", 43_703, 44_303),
  "BNB/USDT": slice("binance_BNBUSDT_1h.csv.gz", 43_703, 44_303),
};
const LOOKBACK = 24;

function topOneGraph() {
  const b = new GraphBuilder("Trade only the top-ranked pair");
  b.add("data.candles", {}, {}, "candles");
  b.add(
    "data.pairRank",
    { lookback: LOOKBACK, topCount: 1, by: "volatility" },
    { candles: "candles.candles" },
    "rank",
  );
  b.add("logic.not", {}, { condition: "rank.top" }, "notTop");
  b.add("risk.maxPositionSize", { maxPercent: 100 }, {}, "cap");
  b.add("order.sizePercentEquity", { percent: 30 }, {}, "size");
  b.add("order.enterLong", {}, { when: "rank.top", risk: "cap.risk", size: "size.size" }, "buy");
  b.add("order.exit", {}, { when: "notTop.result" }, "sell");
  return b.build();
}

/** Volatility: population std of the close-to-close returns of the 24 bars ending at i. */
function score(c: { close: Float64Array }, i: number): number {
  const returns: number[] = [];
  for (let k = i - LOOKBACK + 1; k <= i; k++) {
    returns.push(c.close[k]! / c.close[k - 1]! - 1);
  }
  const mean = returns.reduce((s, r) => s + r, 0) / LOOKBACK;
  const variance = returns.reduce((s, r) => s + (r - mean) ** 2, 0) / LOOKBACK;
  return Math.sqrt(variance);
}

describe("pair ranking in a portfolio", () => {
  it("enters a symbol only when it had the best score of the three on the previous closed bar", () => {
    const result = runBacktest({
      graph: topOneGraph(),
      candles,
      settings: { closeAtEnd: false, positions: "longOnly" },
    });
    expect(result.trades.length).toBeGreaterThan(10);
    const symbols = Object.keys(candles) as (keyof typeof candles)[];
    for (const trade of result.trades) {
      const columns = candles[trade.symbol as keyof typeof candles];
      const signalBar = columns.time.indexOf(trade.entryTime) - 1;
      // ranked on bar signalBar − 1 (the previous closed bar of every symbol)
      const scores = symbols.map((s) => score(candles[s], signalBar - 1));
      const best = symbols[scores.indexOf(Math.max(...scores))];
      expect(best, new Date(trade.entryTime).toISOString()).toBe(trade.symbol);
    }
    // With top 1, at most one pair is held at any close.
    const open = result.trades.map((t) => [t.entryTime, t.exitTime] as const);
    for (const [entry] of open) {
      expect(open.filter(([e, x]) => e <= entry && x > entry).length).toBeLessThanOrEqual(2);
    }
  });
});
