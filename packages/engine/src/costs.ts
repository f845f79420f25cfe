/** Slippage: an adverse price move on market and stop fills, in bps or as a fraction of ATR. */
import type { SlippageSettings } from "@tradegraph/contracts";

/**
 * Wilder ATR per symbol, advanced once per closed bar. `value` is the ATR as of the previous close,
 * so a fill at bar i's open never uses bar i's range. Until `period` bars are seen it is the mean true
 * range so far (the same seed Wilder/TA-Lib use at bar `period`).
 */
export class RunningAtr {
  value = Number.NaN;
  private count = 0;
  private previousClose = Number.NaN;

  constructor(private readonly period: number) {}

  update(high: number, low: number, close: number): void {
    const range = Number.isNaN(this.previousClose)
      ? high - low
      : Math.max(high - low, Math.abs(high - this.previousClose), Math.abs(low - this.previousClose));
    this.previousClose = close;
    if (this.count < this.period) {
      this.count++;
      this.value = Number.isNaN(this.value) ? range : this.value + (range - this.value) / this.count;
    } else {
      this.value = (this.value * (this.period - 1) + range) / this.period;
    }
  }
}

/** Price after slippage for a taker fill at `price` (buys pay more, sells receive less). */
export function slip(price: number, buying: boolean, settings: SlippageSettings, atr: number): number {
  const move = settings.mode === "bps" ? (price * settings.bps) / 10_000 : settings.fraction * (atr || 0);
  if (!(move > 0)) return price;
  return buying ? price + move : price - move;
}
