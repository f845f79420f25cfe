/** Missing candles: skipped by default, or forward-filled with flat zero-volume candles. */
import { describe, expect, it } from "vitest";
import { runBacktest } from "../src/run-backtest.ts";
import { forwardFillGaps } from "../src/timeline.ts";
import { scripted, slice } from "./helpers.ts";

// BNB/USDT 1h 2018-01-04: the 05:00Z candle is missing (exchange outage); 04:00Z closed at 9.2335.
const bnb = slice("binance_BNBUSDT_1h.csv.gz", 70, 80);
const HOUR = 3_600_000;

describe("gap handling", () => {
  it("inserts one flat candle at the previous close with zero volume", () => {
    const filled = forwardFillGaps(bnb, HOUR);
    expect(filled.time.length).toBe(11);
    expect(filled.time[6]).toBe(bnb.time[5]! + HOUR);
    expect([filled.open[6], filled.high[6], filled.low[6], filled.close[6], filled.volume[6]]).toEqual([
      9.2335, 9.2335, 9.2335, 9.2335, 0,
    ]);
    expect(filled.open[7]).toBe(9.2015); // the real 06:00Z candle follows
  });

  it("skips the gap by default; forward-filled bars are stepped but never filled on", () => {
    const strategy = scripted({
      5: [{ action: "enterLong", sizing: { mode: "fixedQuantity", quantity: 100 } }],
    });
    const skip = runBacktest({ candles: { "BNB/USDT": bnb }, createStrategy: strategy });
    const fill = runBacktest({
      candles: { "BNB/USDT": bnb },
      createStrategy: strategy,
      settings: { gaps: "forwardFill" },
    });
    expect(skip.time.length).toBe(10);
    expect(fill.time.length).toBe(11);
    // Signal on the 04:00Z bar. Nothing traded at the inserted 05:00Z bar, so both fill at 06:00Z's open.
    expect(skip.trades[0]!.entryPrice).toBe(9.2015);
    expect(fill.trades[0]!.entryPrice).toBe(9.2015);
    expect(fill.trades[0]!.entryTime).toBe(bnb.time[6]);
    // …but the filled run has one more bar in its equity curve and bar count
    expect(fill.equity[6]).toBeCloseTo(10_000, 9);
  });
});
