import { isZero } from "./rolling-sum.ts";
import { trueRange } from "./true-range.ts";

/**
 * Wilder's directional movement as TA-Lib's PLUS_DI / MINUS_DI / ADX. +DM, −DM and TR are summed over the
 * first `period − 1` moves, then smoothed `x − x/period + today`; DI = 100 × DM / TR from bar `period`.
 * ADX is the mean of the first `period` DX values (first at bar 2 × period − 1), then Wilder-smoothed.
 * A bar where TR or DI+ + DI− is zero leaves ADX unchanged and DI at 0, as in TA-Lib.
 */
export class DirectionalKernel {
  count = 0;
  plusDI = Number.NaN;
  minusDI = Number.NaN;
  adx = Number.NaN;
  private prevHigh = 0;
  private prevLow = 0;
  private prevClose = 0;
  private plusDM = 0;
  private minusDM = 0;
  private tr = 0;
  private sumDX = 0;

  constructor(readonly period: number) {}

  push(high: number, low: number, close: number): void {
    const p = this.period;
    const n = ++this.count;
    if (n === 1) {
      this.prevHigh = high;
      this.prevLow = low;
      this.prevClose = close;
      return;
    }
    const diffP = high - this.prevHigh;
    const diffM = this.prevLow - low;
    this.prevHigh = high;
    this.prevLow = low;
    const range = trueRange(high, low, this.prevClose);
    this.prevClose = close;
    if (n < p + 1) {
      // Bars 1..period-1: plain sums.
      if (diffM > 0 && diffP < diffM) this.minusDM += diffM;
      else if (diffP > 0 && diffP > diffM) this.plusDM += diffP;
      this.tr += range;
      return;
    }
    this.minusDM -= this.minusDM / p;
    this.plusDM -= this.plusDM / p;
    if (diffM > 0 && diffP < diffM) this.minusDM += diffM;
    else if (diffP > 0 && diffP > diffM) this.plusDM += diffP;
    this.tr = this.tr - this.tr / p + range;

    let dx = Number.NaN;
    if (isZero(this.tr)) {
      this.plusDI = 0;
      this.minusDI = 0;
    } else {
      this.minusDI = 100 * (this.minusDM / this.tr);
      this.plusDI = 100 * (this.plusDM / this.tr);
      const sumDI = this.minusDI + this.plusDI;
      if (!isZero(sumDI)) dx = 100 * (Math.abs(this.minusDI - this.plusDI) / sumDI);
    }
    if (n <= 2 * p) {
      // Bars period..2·period−1: collect the first DX values (a skipped DX counts as 0, as in TA-Lib).
      if (!Number.isNaN(dx)) this.sumDX += dx;
      if (n === 2 * p) this.adx = this.sumDX / p;
      return;
    }
    if (!Number.isNaN(dx)) this.adx = (this.adx * (p - 1) + dx) / p;
  }
}
