/** Shared real slice for the per-indicator tests: BTCUSDT 1h, the first 300 hours of 2018. */
import { loadBundledCandles, sliceCandles } from "../../testing/run-node.ts";

export const btc = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 0, 300);

/** Plain mean of `values[from..to]` (inclusive), summed left to right. */
export function mean(values: Float64Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i <= to; i++) total += values[i]!;
  return total / (to - from + 1);
}
