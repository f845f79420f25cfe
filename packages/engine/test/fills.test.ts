/**
 * Hand-computed trades on real BTC/USDT 1h candles from 2018-01-01 (data/candles):
 *   bar  open      high      low       close
 *   0    13715.65  13715.65  13400.01  13529.01
 *   1    13528.99  13595.89  13155.38  13203.06
 *   2    13203     13418.43  13200     13330.18
 *   3    13330.26  13611.27  13290     13410.03
 *   4    13434.98  13623.29  13322.15  13601.01
 */
import { describe, expect, it } from "vitest";
import { runBacktest } from "../src/run-backtest.ts";
import { scripted, slice } from "./helpers.ts";

const BTC = "binance_BTCUSDT_1h.csv.gz";
const candles = { "BTC/USDT": slice(BTC, 0, 10) };
const half = { mode: "fixedQuantity", quantity: 0.5 } as const;
const buyBar0SellBar3 = scripted({ 0: [{ action: "enterLong", sizing: half }], 3: [{ action: "exit" }] });

describe("market order fills", () => {
  it("fills a signal at the next bar's open by default, paying 0.1% taker on both sides", () => {
    const result = runBacktest({ candles, createStrategy: buyBar0SellBar3 });
    expect(result.trades).toHaveLength(1);
    const trade = result.trades[0]!;
    expect(trade.entryPrice).toBe(13528.99); // open of bar 1
    expect(trade.exitPrice).toBe(13434.98); // open of bar 4
    expect(trade.entryTime).toBe(candles["BTC/USDT"].time[1]);
    // fees: 0.5 × 13528.99 × 0.001 = 6.764495 and 0.5 × 13434.98 × 0.001 = 6.71749
    expect(trade.fees).toBeCloseTo(13.481985, 9);
    // pnl: 0.5 × (13434.98 − 13528.99) − 13.481985 = −47.005 − 13.481985
    expect(trade.pnl).toBeCloseTo(-60.486985, 9);
    expect(trade.exitReason).toBe("signal");
    expect(result.metrics.finalEquity).toBeCloseTo(10_000 - 60.486985, 9);
    // equity at bar 1's close: cash 10000 − 6764.495 − 6.764495, plus 0.5 × 13203.06
    expect(result.equity[1]).toBeCloseTo(10_000 - 6764.495 - 6.764495 + 6601.53, 9);
    expect(result.equity[0]).toBe(10_000);
  });

  it("fills at the signal bar's close with the close option", () => {
    const result = runBacktest({ candles, createStrategy: buyBar0SellBar3, settings: { fill: "close" } });
    const trade = result.trades[0]!;
    expect(trade.entryPrice).toBe(13529.01); // close of bar 0
    expect(trade.exitPrice).toBe(13410.03); // close of bar 3
    // 0.5 × (13410.03 − 13529.01) − 0.0005 × (13529.01 + 13410.03) = −59.49 − 13.46952
    expect(trade.pnl).toBeCloseTo(-72.95952, 9);
    expect(result.equity[0]).toBeCloseTo(10_000 - 0.0005 * 13529.01, 9);
  });

  it("applies slippage in bps against the trader, rounded to the tick", () => {
    const result = runBacktest({
      candles,
      createStrategy: buyBar0SellBar3,
      settings: { slippage: { mode: "bps", bps: 10 }, market: { tickSize: 0.01 } },
    });
    const trade = result.trades[0]!;
    // buy: 13528.99 × 1.001 = 13542.51899 → up to the tick 13542.52
    expect(trade.entryPrice).toBeCloseTo(13542.52, 9);
    // sell: 13434.98 × 0.999 = 13421.54502 → down to the tick 13421.54
    expect(trade.exitPrice).toBeCloseTo(13421.54, 9);
    // 0.5 × (13421.54 − 13542.52) − 0.0005 × (13542.52 + 13421.54) = −60.49 − 13.48203
    expect(trade.pnl).toBeCloseTo(-73.97203, 9);
    // slippage paid: 0.5 × 13.53 + 0.5 × 13.44
    expect(result.metrics.slippageCost).toBeCloseTo(13.485, 9);
    expect(result.metrics.feesPaid).toBeCloseTo(13.48203, 9);
  });

  it("applies slippage as a fraction of ATR known at the previous close (Wilder, period 3)", () => {
    const result = runBacktest({
      candles,
      createStrategy: buyBar0SellBar3,
      settings: { slippage: { mode: "atr", fraction: 0.5, period: 3 } },
    });
    const trade = result.trades[0]!;
    // ATR after bar 0 = its range 13715.65 − 13400.01 = 315.64 → buy 13528.99 + 157.82
    expect(trade.entryPrice).toBeCloseTo(13686.81, 9);
    // true ranges: bar 1 440.51, bar 2 218.43 → mean of 3 = 324.86; bar 3 TR 321.27 →
    // Wilder (324.86 × 2 + 321.27) / 3 = 323.663333…; sell 13434.98 − 161.831666…
    expect(trade.exitPrice).toBeCloseTo(13273.148333333, 6);
    // 0.5 × (13273.148333 − 13686.81) − 0.0005 × (13686.81 + 13273.148333)
    expect(trade.pnl).toBeCloseTo(-220.3108125, 6);
  });

  it("uses a custom taker fee", () => {
    const result = runBacktest({
      candles,
      createStrategy: buyBar0SellBar3,
      settings: { fees: { taker: 0.00075, maker: 0.0002 } },
    });
    // 0.00075 × 0.5 × (13528.99 + 13434.98) = 10.11148875
    expect(result.trades[0]!.fees).toBeCloseTo(10.11148875, 9);
  });
});

describe("limit entries", () => {
  // Bar 2's low is exactly 13200; later bars of the slice stay above it (lows 13290, 13322.15, ...).
  const limitAt13200 = scripted({
    1: [{ action: "enterLong", orderType: "limit", price: 13200, sizing: half }],
  });

  it("does not fill when price only touches the level", () => {
    const result = runBacktest({ candles, createStrategy: limitAt13200 });
    expect(result.trades).toHaveLength(0);
    expect(result.orders.filter((o) => o.kind === "filled")).toHaveLength(0);
  });

  it("fills at the level on touch when the option is on, paying the maker fee", () => {
    const result = runBacktest({
      candles,
      createStrategy: limitAt13200,
      settings: { limitFill: "touch", fees: { maker: 0.0002, taker: 0.001 } },
    });
    const trade = result.trades[0]!;
    expect(trade.entryPrice).toBe(13200);
    expect(trade.entryTime).toBe(candles["BTC/USDT"].time[2]);
    expect(trade.exitReason).toBe("endOfRun");
    // entry fee 0.5 × 13200 × 0.0002 = 1.32; end-of-run exit at bar 9's close 13616.99, taker 6.808495
    expect(trade.fees).toBeCloseTo(1.32 + 6.808495, 9);
  });
});

describe("sizing and market rules", () => {
  it("buys whole units with all-in whole-unit sizing", () => {
    const result = runBacktest({
      candles,
      createStrategy: scripted({
        0: [{ action: "enterLong", sizing: { mode: "allIn", wholeUnits: true } }],
        3: [{ action: "exit" }],
      }),
      settings: { initialCash: 30_000 },
    });
    // 30000 / (13529.01 × 1.001) = 2.215 → 2 units
    const trade = result.trades[0]!;
    expect(trade.quantity).toBe(2);
    // 2 × (13434.98 − 13528.99) − 0.002 × (13528.99 + 13434.98) = −188.02 − 53.92794
    expect(trade.pnl).toBeCloseTo(-241.94794, 9);
  });

  it("spends all cash with fractional all-in sizing and never goes below zero cash", () => {
    const result = runBacktest({
      candles,
      createStrategy: scripted({ 0: [{ action: "enterLong" }], 3: [{ action: "exit" }] }),
    });
    const trade = result.trades[0]!;
    // all-in is re-sized at the fill: 10000 / (13528.99 × 1.001) BTC, fee included
    expect(trade.quantity).toBeCloseTo(10_000 / (13528.99 * 1.001), 12);
    expect(trade.quantity * 13528.99 * 1.001).toBeLessThanOrEqual(10_000);
  });

  it("rounds the quantity down to the lot size", () => {
    const result = runBacktest({
      candles,
      createStrategy: buyBar0SellBar3,
      settings: { market: { lotSize: 0.3 } },
    });
    expect(result.trades[0]!.quantity).toBeCloseTo(0.3, 12);
  });

  it("rejects an order below the minimum notional, naming the rule", () => {
    const result = runBacktest({
      candles,
      createStrategy: scripted({
        0: [{ action: "enterLong", sizing: { mode: "fixedQuantity", quantity: 0.0007 } }],
      }),
      settings: { market: { minNotional: 10 } },
    });
    // 0.0007 × 13529.01 = 9.470307 < 10
    expect(result.trades).toHaveLength(0);
    const rejected = result.orders.find((o) => o.kind === "rejected");
    expect(rejected?.reason).toMatch(/order value 9\.47 is below the market minimum notional 10/);
    expect(result.metrics.finalEquity).toBe(10_000);
  });
});
