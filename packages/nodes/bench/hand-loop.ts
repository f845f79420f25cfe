/**
 * The bench strategy written by hand as one loop over plain arrays: EMA 12/26 (SMA seed), RSI 14 and
 * ATR 14 (Wilder, mean seed), ATR % of close, cross over, RSI < 70, and, volatility band, entry. Same
 * conventions as the nodes (TA-Lib), so its values must agree with the evaluator's.
 */
import type { CandleColumns } from "../src/runtime-types.ts";

export interface HandLoopResult {
  emaFast: Float64Array;
  emaSlow: Float64Array;
  rsi: Float64Array;
  atr: Float64Array;
  entries: number[];
}

export function handLoop(
  c: CandleColumns,
  fast = 12,
  slow = 26,
  rsiPeriod = 14,
  atrPeriod = 14,
): HandLoopResult {
  const n = c.close.length;
  const emaFast = new Float64Array(n).fill(Number.NaN);
  const emaSlow = new Float64Array(n).fill(Number.NaN);
  const rsi = new Float64Array(n).fill(Number.NaN);
  const atr = new Float64Array(n).fill(Number.NaN);
  const entries: number[] = [];
  const kFast = 2 / (fast + 1);
  const kSlow = 2 / (slow + 1);
  let sumFast = 0;
  let sumSlow = 0;
  let fastValue = Number.NaN;
  let slowValue = Number.NaN;
  let gain = 0;
  let loss = 0;
  let trSum = 0;
  let atrValue = Number.NaN;
  let previousDiff = Number.NaN;
  for (let i = 0; i < n; i++) {
    const close = c.close[i]!;
    // EMAs, seeded with the SMA of the first n closes.
    if (i < fast) {
      sumFast += close;
      if (i === fast - 1) fastValue = sumFast / fast;
    } else fastValue = (close - fastValue) * kFast + fastValue;
    if (i < slow) {
      sumSlow += close;
      if (i === slow - 1) slowValue = sumSlow / slow;
    } else slowValue = (close - slowValue) * kSlow + slowValue;
    if (i >= fast - 1) emaFast[i] = fastValue;
    if (i >= slow - 1) emaSlow[i] = slowValue;
    // RSI: Wilder averages seeded with the mean of the first n changes.
    let rsiValue = Number.NaN;
    if (i > 0) {
      const change = close - c.close[i - 1]!;
      const up = Math.max(change, 0);
      const down = Math.max(-change, 0);
      if (i <= rsiPeriod) {
        gain += up;
        loss += down;
        if (i === rsiPeriod) {
          gain /= rsiPeriod;
          loss /= rsiPeriod;
        }
      } else {
        gain = (gain * (rsiPeriod - 1) + up) / rsiPeriod;
        loss = (loss * (rsiPeriod - 1) + down) / rsiPeriod;
      }
      if (i >= rsiPeriod) rsiValue = gain + loss === 0 ? 0 : (100 * gain) / (gain + loss);
      // ATR: true range from bar 1, seeded with the mean of the first n.
      const high = c.high[i]!;
      const low = c.low[i]!;
      const previousClose = c.close[i - 1]!;
      const tr = Math.max(high - low, Math.abs(high - previousClose), Math.abs(low - previousClose));
      if (i <= atrPeriod) {
        trSum += tr;
        if (i === atrPeriod) atrValue = trSum / atrPeriod;
      } else atrValue = (atrValue * (atrPeriod - 1) + tr) / atrPeriod;
      if (i >= atrPeriod) atr[i] = atrValue;
    }
    rsi[i] = rsiValue;
    // Cross over of the EMAs, RSI filter, volatility band on ATR % of close, then the entry.
    const diff = emaFast[i]! - emaSlow[i]!;
    const crossed = diff > 0 && previousDiff <= 0;
    previousDiff = diff;
    const atrPercent = (atr[i]! / close) * 100;
    if (crossed && rsiValue < 70 && atrPercent >= 0.2 && atrPercent <= 5) entries.push(i);
  }
  return { emaFast, emaSlow, rsi, atr, entries };
}
