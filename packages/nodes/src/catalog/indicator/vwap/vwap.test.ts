import { describe, expect, it } from "vitest";
import { loadBundledCandles, runNode, sliceCandles } from "../../../testing/run-node.ts";
import { vwapNode } from "./definition.ts";

// BTCUSDT 1h from 2018-01-01T00:00Z: bars 0..23 are 1 January, bar 24 opens 2 January.
const full = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 0, 72);

function vwapByHand(from: number, to: number): number {
  let priceVolume = 0;
  let volume = 0;
  for (let i = from; i <= to; i++) {
    priceVolume += ((full.high[i]! + full.low[i]! + full.close[i]!) / 3) * full.volume[i]!;
    volume += full.volume[i]!;
  }
  return priceVolume / volume;
}

describe("VWAP (daily, UTC)", () => {
  const { out } = runNode(vwapNode, {}, { candles: full });

  it("accumulates typical price × volume from 00:00 UTC", () => {
    expect(out.value[0]).toBeCloseTo((full.high[0]! + full.low[0]! + full.close[0]!) / 3, 9);
    expect(out.value[5]).toBeCloseTo(vwapByHand(0, 5), 9);
    expect(out.value[23]).toBeCloseTo(vwapByHand(0, 23), 9);
  });

  it("resets at the first candle of the next UTC day", () => {
    expect(new Date(full.time[24]!).toISOString()).toBe("2018-01-02T00:00:00.000Z");
    expect(out.value[24]).toBeCloseTo((full.high[24]! + full.low[24]! + full.close[24]!) / 3, 9);
    expect(out.value[40]).toBeCloseTo(vwapByHand(24, 40), 9);
  });

  it("is not ready on a day the data joins after 00:00, then agrees with the full history", () => {
    const late = runNode(vwapNode, {}, { candles: sliceCandles(full, 5, 72) }).out.value;
    for (let i = 0; i < 19; i++) expect(late[i]).toBeNaN();
    for (let i = 19; i < 67; i++) expect(late[i]).toBe(out.value[i + 5]);
  });
});
