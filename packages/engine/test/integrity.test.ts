/** Determinism and no look-ahead, on real BTC/USDT 1h candles. */
import { describe, expect, it } from "vitest";
import { resultToJson } from "../src/results-json.ts";
import { runBacktest } from "../src/run-backtest.ts";
import { sliceColumns } from "../src/timeline.ts";
import { rule, slice } from "./helpers.ts";

const candles = slice("binance_BTCUSDT_1h.csv.gz", 20_000, 24_000);

/** Trend follower from closes up to bar i: long above the 48-bar mean, 2% stop and 4% target. */
const trend = rule((context, i) => {
  if (i < 48) return null;
  const close = context.candles!.close;
  let sum = 0;
  for (let k = i - 47; k <= i; k++) sum += close[k]!;
  const above = close[i]! > sum / 48;
  if (above && context.account.positionQuantity === 0) {
    return {
      action: "enterLong",
      exits: [
        { kind: "stopLoss", percent: 0.02 },
        { kind: "takeProfit", percent: 0.04 },
      ],
    };
  }
  if (!above && context.account.positionQuantity > 0) return { action: "exit" };
  return null;
});

describe("determinism", () => {
  it("gives byte-identical JSON for the same inputs", () => {
    const settings = { slippage: { mode: "atr", fraction: 0.1 } } as const;
    const a = JSON.stringify(
      resultToJson(runBacktest({ candles: { "BTC/USDT": candles }, createStrategy: trend, settings })),
    );
    const b = JSON.stringify(
      resultToJson(runBacktest({ candles: { "BTC/USDT": candles }, createStrategy: trend, settings })),
    );
    expect(a.length).toBeGreaterThan(10_000);
    expect(JSON.parse(a).trades.length).toBeGreaterThan(20);
    expect(a).toBe(b);
  });
});

describe("no look-ahead", () => {
  it("a run cut at bar t matches the full run up to t", () => {
    const full = runBacktest({
      candles: { "BTC/USDT": candles },
      createStrategy: trend,
      settings: { closeAtEnd: false },
    });
    const t = 2_500;
    const cut = runBacktest({
      candles: { "BTC/USDT": sliceColumns(candles, 0, t) },
      createStrategy: trend,
      settings: { closeAtEnd: false },
    });
    expect(Array.from(cut.equity)).toEqual(Array.from(full.equity.subarray(0, t)));
    const lastTime = candles.time[t - 1]!;
    expect(cut.trades).toEqual(full.trades.filter((trade) => trade.exitTime <= lastTime));
  });

  it("a strategy that sees the bar it trades on earns nothing extra: signals fill at the next open", () => {
    // Buy every green bar (close > open), sell one bar later. Trading the signal bar itself would earn
    // Σ(close/open − 1) over green bars; the engine can only trade from the next bar's open.
    const greenBars = rule((context, i) => {
      const { open, close } = context.candles!;
      if (context.account.positionQuantity > 0) return { action: "exit" };
      return close[i]! > open[i]! ? { action: "enterLong" } : null;
    });
    const settings = { fees: { maker: 0, taker: 0 } };
    const result = runBacktest({ candles: { "BTC/USDT": candles }, createStrategy: greenBars, settings });
    // The honest replay, written out: the same decisions, entering at open[i+1] and exiting at open[i+2]
    // (the last trade at the final close, where the run ends).
    const { open, close } = candles;
    const n = candles.time.length;
    let honest = 1;
    let cheat = 1;
    let holding = false;
    for (let i = 0; i < n - 1; i++) {
      if (holding) {
        holding = false;
        continue;
      }
      if (close[i]! > open[i]!) {
        honest *= (i + 2 < n ? open[i + 2]! : close[n - 1]!) / open[i + 1]!;
        cheat *= close[i]! / open[i]!;
        holding = true;
      }
    }
    expect(result.metrics.finalEquity / 10_000).toBeCloseTo(honest, 9);
    expect(cheat).toBeGreaterThan(100); // seeing the bar first would be a money machine
    expect(result.metrics.totalReturn).toBeLessThan(cheat / 100);
    for (const trade of result.trades) expect(trade.entryTime).toBeGreaterThan(candles.time[0]!);
  });
});
