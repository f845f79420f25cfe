/** One strategy across several symbols with shared cash, a max-open-positions limit and per-symbol results. */
import { describe, expect, it } from "vitest";
import { runBacktest } from "../src/run-backtest.ts";
import type { StrategyFactory } from "../src/session.ts";
import type { IntentSpec } from "./helpers.ts";
import { scripted, slice } from "./helpers.ts";

// 2023-01-01T00:00Z onwards, 200 hourly candles per pair (same hours for all three).
const candles = {
  "BTC/USDT": slice("binance_BTCUSDT_1h.csv.gz", 43_703, 43_903),
  "ETH/USDT": slice("binance_ETHUSDT_1h.csv.gz", 43_703, 43_903),
  "SOL/USDT": slice("binance_SOLUSDT_1h.csv.gz", 20_927, 21_127),
};
const forty = { mode: "percentEquity", percent: 0.4 } as const;

function perSymbol(scripts: Record<string, Record<number, IntentSpec[]>>): StrategyFactory {
  return (context) => scripted(scripts[context.symbol] ?? {})(context);
}

describe("portfolio", () => {
  const result = runBacktest({
    candles,
    createStrategy: perSymbol({
      "BTC/USDT": { 10: [{ action: "enterLong", sizing: forty }], 40: [{ action: "exit" }] },
      "ETH/USDT": { 20: [{ action: "enterLong", sizing: forty }] },
      "SOL/USDT": {
        30: [{ action: "enterLong", sizing: forty }],
        50: [{ action: "enterLong", sizing: forty }],
      },
    }),
    settings: { maxOpenPositions: 2 },
  });

  it("denies an entry beyond the max open positions and allows it once a slot frees up", () => {
    const denied = result.orders.filter((o) => o.kind === "denied");
    expect(denied).toHaveLength(1);
    expect(denied[0]!.symbol).toBe("SOL/USDT");
    expect(denied[0]!.time).toBe(candles["SOL/USDT"].time[30]);
    expect(denied[0]!.reason).toBe("max open positions (2) reached");
    const sol = result.trades.find((t) => t.symbol === "SOL/USDT")!;
    expect(sol.entryTime).toBe(candles["SOL/USDT"].time[51]);
  });

  it("shares one cash balance: each entry is 40% of the portfolio's equity at its signal", () => {
    const btc = result.trades.find((t) => t.symbol === "BTC/USDT")!;
    // First entry: equity 10,000 → 4,000 USDT at bar 10's close of BTC
    expect(btc.quantity).toBeCloseTo(4_000 / candles["BTC/USDT"].close[10]!, 9);
    const eth = result.trades.find((t) => t.symbol === "ETH/USDT")!;
    // ETH sized on the equity at bar 20's close: cash plus BTC marked at that close
    const equityAt20 = result.equity[20]!;
    expect(eth.quantity).toBeCloseTo((0.4 * equityAt20) / candles["ETH/USDT"].close[20]!, 9);
  });

  it("adds up: final equity is the initial cash plus every trade's P&L, and per-symbol P&L sums to it", () => {
    const total = result.trades.reduce((sum, t) => sum + t.pnl, 0);
    expect(result.metrics.finalEquity).toBeCloseTo(10_000 + total, 9);
    expect(result.perSymbol.map((s) => s.symbol)).toEqual(["BTC/USDT", "ETH/USDT", "SOL/USDT"]);
    expect(result.perSymbol.reduce((sum, s) => sum + s.pnl, 0)).toBeCloseTo(total, 9);
    expect(result.perSymbol.map((s) => s.trades)).toEqual([1, 1, 1]);
    // equal-weight buy and hold over the three pairs
    const bh = (c: { close: Float64Array }) => c.close[199]! / c.close[0]! - 1;
    expect(result.metrics.buyAndHoldReturn).toBeCloseTo(
      (bh(candles["BTC/USDT"]) + bh(candles["ETH/USDT"]) + bh(candles["SOL/USDT"])) / 3,
      12,
    );
  });

  it("runs symbols with different histories on the union of their candle times", () => {
    // SOL/USDT starts trading on 2020-08-11T06:00Z; BTC has candles before it.
    const mixed = {
      "BTC/USDT": slice("binance_BTCUSDT_1h.csv.gz", 22_776 - 50, 22_776 + 50),
      "SOL/USDT": slice("binance_SOLUSDT_1h.csv.gz", 0, 50),
    };
    const run = runBacktest({
      candles: mixed,
      createStrategy: perSymbol({
        "BTC/USDT": { 5: [{ action: "enterLong", sizing: forty }] },
        "SOL/USDT": { 5: [{ action: "enterLong", sizing: forty }] },
      }),
    });
    expect(run.time).toHaveLength(100);
    const sol = run.trades.find((t) => t.symbol === "SOL/USDT")!;
    expect(sol.entryTime).toBe(mixed["SOL/USDT"].time[6]);
    expect(run.trades.find((t) => t.symbol === "BTC/USDT")!.entryTime).toBe(mixed["BTC/USDT"].time[6]);
  });
});
