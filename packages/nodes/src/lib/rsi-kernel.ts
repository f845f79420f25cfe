import { isZero } from "./rolling-sum.ts";

/**
 * Wilder's RSI exactly as TA-Lib computes it: average gain and loss start as plain means of the first
 * `period` changes (first value at the `period + 1`-th input), then `avg = (avg × (period − 1) + x) / period`.
 * Gain + loss of zero (a flat window) reads 0, as in TA-Lib.
 */
export class RsiKernel {
  count = 0;
  private previous = Number.NaN;
  private gain = 0;
  private loss = 0;

  constructor(readonly period: number) {}

  push(x: number): number {
    const p = this.period;
    this.count++;
    if (this.count === 1) {
      this.previous = x;
      return Number.NaN;
    }
    const change = x - this.previous;
    this.previous = x;
    if (this.count <= p + 1) {
      if (change < 0) this.loss -= change;
      else this.gain += change;
      if (this.count < p + 1) return Number.NaN;
      this.loss /= p;
      this.gain /= p;
    } else {
      this.loss *= p - 1;
      this.gain *= p - 1;
      if (change < 0) this.loss -= change;
      else this.gain += change;
      this.loss /= p;
      this.gain /= p;
    }
    const total = this.gain + this.loss;
    return isZero(total) ? 0 : 100 * (this.gain / total);
  }
}
