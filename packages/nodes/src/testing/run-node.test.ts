import { describe, expect, it } from "vitest";
import { smaNode } from "../catalog/indicator/sma/definition.ts";
import { firstValidIndex, loadBundledCandles, runNode, sliceCandles } from "./run-node.ts";

describe("loadBundledCandles", () => {
  it("reads the BTCUSDT 1h file with the documented first candle and row count", () => {
    const candles = loadBundledCandles("binance_BTCUSDT_1h.csv.gz");
    expect(candles.close.length).toBe(72866);
    expect(new Date(candles.time[0]!).toISOString()).toBe("2018-01-01T00:00:00.000Z");
    expect(candles.high[0]!).toBeGreaterThanOrEqual(Math.max(candles.open[0]!, candles.close[0]!));
  });

  it("names the file when it does not exist", () => {
    expect(() => loadBundledCandles("binance_NOPE_1h.csv.gz")).toThrow(/binance_NOPE_1h/);
  });
});

describe("runNode", () => {
  const candles = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 0, 50);

  it("applies schema defaults and steps every bar (SMA 3 by hand on real closes)", () => {
    const { out } = runNode(smaNode, { period: 3 }, { source: candles.close });
    expect(firstValidIndex(out.value)).toBe(2);
    const c = candles.close;
    expect(out.value[2]).toBeCloseTo((c[0]! + c[1]! + c[2]!) / 3, 9);
    expect(out.value[49]).toBeCloseTo((c[47]! + c[48]! + c[49]!) / 3, 9);
    // Default period is 20.
    expect(firstValidIndex(runNode(smaNode, {}, { source: c }).out.value)).toBe(19);
  });

  it("rejects params the schema rejects", () => {
    expect(() => runNode(smaNode, { period: 0 }, { source: candles.close })).toThrow();
  });
});
