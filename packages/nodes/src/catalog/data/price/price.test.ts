import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { priceNode } from "./definition.ts";

const c = sliceCandles(loadBundledCandles("binance_ETHUSDT_1h.csv.gz"), 30_000, 30_500);

describe("price field", () => {
  it("passes the raw fields through", () => {
    for (const field of ["open", "high", "low", "close", "volume"] as const) {
      expect(Array.from(runNode(priceNode, { field }, { candles: c }).out.value)).toEqual(
        Array.from(c[field]),
      );
    }
  });

  it("computes hl2, hlc3 and ohlc4 per bar", () => {
    const hl2 = runNode(priceNode, { field: "hl2" }, { candles: c }).out.value;
    const hlc3 = runNode(priceNode, { field: "hlc3" }, { candles: c }).out.value;
    const ohlc4 = runNode(priceNode, { field: "ohlc4" }, { candles: c }).out.value;
    for (let i = 0; i < 500; i++) {
      expect(hl2[i]).toBe((c.high[i]! + c.low[i]!) / 2);
      expect(hlc3[i]).toBe((c.high[i]! + c.low[i]! + c.close[i]!) / 3);
      expect(ohlc4[i]).toBe((c.open[i]! + c.high[i]! + c.low[i]! + c.close[i]!) / 4);
      expect(hl2[i]!).toBeLessThanOrEqual(c.high[i]!);
      expect(hl2[i]!).toBeGreaterThanOrEqual(c.low[i]!);
    }
  });
});
