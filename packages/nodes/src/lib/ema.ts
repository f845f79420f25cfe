import { RingBuffer } from "./ring-buffer.ts";

/**
 * Exponential moving average the TA-Lib way: the first value is the simple mean of the `period` values
 * that end at the `seedAt`-th input (default: the `period`-th), then `ema += (x − ema) × k`.
 * MACD seeds its fast EMA later (at the slow period) exactly like TA-Lib, hence `seedAt`.
 */
export class Ema {
  value = Number.NaN;
  count = 0;
  private readonly seedWindow: RingBuffer;

  constructor(
    readonly period: number,
    readonly k = 2 / (period + 1),
    private readonly seedAt = period,
  ) {
    this.seedWindow = new RingBuffer(period);
  }

  get ready(): boolean {
    return this.count >= this.seedAt;
  }

  /** Feeds one value; returns the EMA or NaN while warming up. */
  push(x: number): number {
    this.count++;
    if (this.count > this.seedAt) {
      this.value = (x - this.value) * this.k + this.value;
      return this.value;
    }
    this.seedWindow.push(x);
    if (this.count < this.seedAt) return Number.NaN;
    // Sum oldest first, as TA-Lib does.
    let total = 0;
    for (let ago = this.period - 1; ago >= 0; ago--) total += this.seedWindow.ago(ago);
    this.value = total / this.period;
    return this.value;
  }
}
