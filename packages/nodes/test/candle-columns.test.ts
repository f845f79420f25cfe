import { describe, expect, it } from "vitest";
import { candlesInTimeRange, firstCandleAtOrAfter, sliceCandleColumns } from "../src/candle-columns.ts";
import { loadBundledCandles } from "../src/testing/run-node.ts";

const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz");
const hour = 3_600_000;

describe("candle column ranges on real BTC/USDT 1h", () => {
  it("takes the candles opening in [from, to), across the 33-hour outage after 2018-02-08 00:00", () => {
    const from = Date.UTC(2018, 1, 7, 20);
    const to = Date.UTC(2018, 1, 9, 14);
    const range = candlesInTimeRange(btc, from, to);
    // 20:00..00:00 on the 7th/8th is 5 candles, then nothing until 2018-02-09 10:00 (33 missing), 10:00..13:00 is 4.
    expect(range.time.length).toBe(9);
    expect(range.time[0]).toBe(from);
    expect(range.time[4]).toBe(Date.UTC(2018, 1, 8, 0));
    expect(range.time[5]! - range.time[4]!).toBe(34 * hour);
    expect(range.time[8]).toBe(to - hour);
    const start = btc.time.indexOf(from);
    expect(Array.from(range.close)).toEqual(Array.from(btc.close.subarray(start, start + 9)));
  });

  it("copies, so writing to a slice leaves the source intact", () => {
    const slice = sliceCandleColumns(btc, 0, 3);
    slice.close[0] = -1;
    expect(btc.close[0]).toBeGreaterThan(0);
  });

  it("finds the first candle at or after a time, and the end when none is", () => {
    expect(firstCandleAtOrAfter(btc.time, btc.time[10]! - 1)).toBe(10);
    expect(firstCandleAtOrAfter(btc.time, btc.time[10]!)).toBe(10);
    expect(firstCandleAtOrAfter(btc.time, Number.POSITIVE_INFINITY)).toBe(btc.time.length);
    expect(candlesInTimeRange(btc, 5e12, 6e12).time.length).toBe(0);
  });
});
