/**
 * Highest (or lowest) of the last `period` values with a monotonic deque: amortised O(1) per bar instead
 * of rescanning the window. Gives exactly TA-Lib's MAX/MIN (a maximum has no rounding).
 */
export class RollingExtreme {
  /** Bars pushed so far. */
  count = 0;
  private readonly values: Float64Array;
  private readonly positions: Float64Array;
  private head = 0;
  private size = 0;

  constructor(
    readonly period: number,
    private readonly highest: boolean,
  ) {
    this.values = new Float64Array(period);
    this.positions = new Float64Array(period);
  }

  /** Adds a value; returns the extreme of the last `period` values, NaN until that many were pushed. */
  push(x: number): number {
    const p = this.period;
    const t = this.count++;
    if (this.size > 0 && this.positions[this.head]! <= t - p) {
      this.head = this.head + 1 === p ? 0 : this.head + 1;
      this.size--;
    }
    // Drop values the new one dominates: they can never be the extreme again.
    while (this.size > 0) {
      let back = this.head + this.size - 1;
      if (back >= p) back -= p;
      const v = this.values[back]!;
      if (this.highest ? v <= x : v >= x) this.size--;
      else break;
    }
    let slot = this.head + this.size;
    if (slot >= p) slot -= p;
    this.values[slot] = x;
    this.positions[slot] = t;
    this.size++;
    return this.count >= p ? this.values[this.head]! : Number.NaN;
  }

  /** The extreme over the values seen so far in the window (valid once anything was pushed). */
  get current(): number {
    return this.size > 0 ? this.values[this.head]! : Number.NaN;
  }
}
