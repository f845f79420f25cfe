/**
 * Wilder's parabolic SAR, step for step as TA-Lib's SAR. The first direction comes from bar 1's
 * directional movement (short if −DM > 0), the first SAR is bar 0's low (long) or high (short), and
 * on a reversal the SAR jumps to the extreme point, kept outside the last two bars' range.
 */
export class SarKernel {
  count = 0;
  isLong = true;
  sar = Number.NaN;
  private ep = 0;
  private af: number;
  private newHigh = 0;
  private newLow = 0;

  constructor(
    private readonly acceleration: number,
    private readonly maximum: number,
  ) {
    this.af = Math.min(acceleration, maximum);
  }

  /** Feeds one bar; returns the SAR in force on this bar (NaN on bar 0). */
  push(high: number, low: number): number {
    const n = ++this.count;
    if (n === 1) {
      this.newHigh = high;
      this.newLow = low;
      return Number.NaN;
    }
    if (n === 2) {
      const diffP = high - this.newHigh;
      const diffM = this.newLow - low;
      const minusDM = diffM > 0 && diffP < diffM ? diffM : 0;
      this.isLong = !(minusDM > 0);
      if (this.isLong) {
        this.ep = high;
        this.sar = this.newLow;
      } else {
        this.ep = low;
        this.sar = this.newHigh;
      }
      // TA-Lib "cheats" on the previous bar for the first iteration: it uses today's bar.
      this.newHigh = high;
      this.newLow = low;
    }
    const step = Math.min(this.acceleration, this.maximum);
    const prevLow = this.newLow;
    const prevHigh = this.newHigh;
    this.newLow = low;
    this.newHigh = high;
    let output: number;
    if (this.isLong) {
      if (low <= this.sar) {
        this.isLong = false;
        let sar = Math.max(this.ep, prevHigh, high);
        output = sar;
        this.af = step;
        this.ep = low;
        sar = sar + this.af * (this.ep - sar);
        this.sar = Math.max(sar, prevHigh, high);
      } else {
        output = this.sar;
        if (high > this.ep) {
          this.ep = high;
          this.af = Math.min(this.af + step, this.maximum);
        }
        const sar = this.sar + this.af * (this.ep - this.sar);
        this.sar = Math.min(sar, prevLow, low);
      }
    } else if (high >= this.sar) {
      this.isLong = true;
      let sar = Math.min(this.ep, prevLow, low);
      output = sar;
      this.af = step;
      this.ep = high;
      sar = sar + this.af * (this.ep - sar);
      this.sar = Math.min(sar, prevLow, low);
    } else {
      output = this.sar;
      if (low < this.ep) {
        this.ep = low;
        this.af = Math.min(this.af + step, this.maximum);
      }
      const sar = this.sar + this.af * (this.ep - this.sar);
      this.sar = Math.max(sar, prevHigh, high);
    }
    return output;
  }
}
