import { trueRange } from "./true-range.ts";

/**
 * Wilder's average true range as TA-Lib's ATR: the first value is the mean of the first `period` true
 * ranges (bars 1..period, bar 0 has no previous close), then `atr = (atr × (period − 1) + tr) / period`.
 */
export class AtrKernel {
  count = 0;
  value = Number.NaN;
  private previousClose = Number.NaN;
  private seedTotal = 0;

  constructor(readonly period: number) {}

  push(high: number, low: number, close: number): number {
    const p = this.period;
    this.count++;
    const prevClose = this.previousClose;
    this.previousClose = close;
    if (this.count === 1) return Number.NaN;
    const tr = trueRange(high, low, prevClose);
    if (this.count <= p + 1) {
      // TA-Lib sums the seed window with its SMA routine: oldest first.
      this.seedTotal += tr;
      if (this.count < p + 1) return Number.NaN;
      this.value = this.seedTotal / p;
      return this.value;
    }
    this.value *= p - 1;
    this.value += tr;
    this.value /= p;
    return this.value;
  }
}
