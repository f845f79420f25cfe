import { RingBuffer } from "./ring-buffer.ts";

/**
 * Rolling sum of the last `period` values (and of their squares), in TA-Lib's order of operations: add the
 * new value, read the total, then subtract the value that leaves next. Same order = same rounding, so SMA,
 * VAR, STDDEV and BBANDS agree with TA-Lib bit for bit rather than drifting apart over 70,000 bars.
 */
export class RollingSum {
  readonly window: RingBuffer;
  /** Sum of the window after the last `push` (NaN until the window is full). */
  sum = Number.NaN;
  /** Sum of squares of the window after the last `push` (only when `squares` is on). */
  sumSquares = Number.NaN;
  private runningSum = 0;
  private runningSquares = 0;

  constructor(
    readonly period: number,
    private readonly squares = false,
  ) {
    this.window = new RingBuffer(period);
  }

  /** Adds a value; returns true once the window holds `period` values. */
  push(x: number): boolean {
    this.window.push(x);
    this.runningSum += x;
    if (this.squares) this.runningSquares += x * x;
    if (!this.window.full) return false;
    this.sum = this.runningSum;
    const leaving = this.window.ago(this.period - 1);
    this.runningSum -= leaving;
    if (this.squares) {
      this.sumSquares = this.runningSquares;
      this.runningSquares -= leaving * leaving;
    }
    return true;
  }
}

/** TA-Lib's "is zero" test (TA_EPSILON = 1e-14). */
export const TA_EPSILON = 1e-14;
export function isZero(x: number): boolean {
  return -TA_EPSILON < x && x < TA_EPSILON;
}

/** Population variance of the window from a `RollingSum` with squares (TA_INT_VAR: E[x²] − E[x]²). */
export function windowVariance(sums: RollingSum): number {
  const mean = sums.sum / sums.period;
  return sums.sumSquares / sums.period - mean * mean;
}

/** Population standard deviation as TA-Lib's STDDEV: variance below 1e-14 (rounding noise) reads as 0. */
export function standardDeviation(variance: number): number {
  return variance < TA_EPSILON ? 0 : Math.sqrt(variance);
}
