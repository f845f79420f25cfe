import type { CandleColumns } from "../../src/runtime-types.ts";

/**
 * Feature columns a trader would wire into the predictor, computed from real candles with past data only:
 * log returns over 1, 4 and 24 bars, the bar's range as a fraction of close, and volume over its 24-bar mean.
 */
export function basicFeatures(candles: CandleColumns): Float64Array[] {
  const n = candles.close.length;
  const lagReturn = (lag: number) => {
    const out = new Float64Array(n).fill(Number.NaN);
    for (let i = lag; i < n; i++) out[i] = Math.log(candles.close[i]! / candles.close[i - lag]!);
    return out;
  };
  const range = new Float64Array(n);
  for (let i = 0; i < n; i++) range[i] = (candles.high[i]! - candles.low[i]!) / candles.close[i]!;
  const volumeRatio = new Float64Array(n).fill(Number.NaN);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += candles.volume[i]!;
    if (i >= 24) sum -= candles.volume[i - 24]!;
    if (i >= 23) volumeRatio[i] = candles.volume[i]! / (sum / 24);
  }
  return [lagReturn(1), lagReturn(4), lagReturn(24), range, volumeRatio];
}
