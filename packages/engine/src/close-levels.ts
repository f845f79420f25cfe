/** Protective levels that move at each close: trailing stop, break-even, and the time-stop count. */
import type { SymbolSlot } from "./position.ts";

/**
 * Counts the bar, follows the best price, tightens the trailing stop (re-reading its source as of this
 * close) and arms break-even. Returns true when the time stop is due.
 */
export function moveLevelsAtClose(slot: SymbolSlot, index: number, high: number, low: number): boolean {
  const long = slot.quantity > 0;
  slot.barsHeld++;
  if (long ? high > slot.bestPrice : low < slot.bestPrice) slot.bestPrice = long ? high : low;
  if (slot.trailSource !== null) {
    const rule = slot.trailSource.ruleAt(index);
    if (rule !== null && rule.kind === "trailingStop") {
      slot.trailPercent = rule.percent ?? Number.NaN;
      slot.trailDistance = rule.distance ?? Number.NaN;
    }
  }
  const distance = Number.isNaN(slot.trailPercent) ? slot.trailDistance : slot.bestPrice * slot.trailPercent;
  if (distance > 0) {
    const level = long ? slot.bestPrice - distance : slot.bestPrice + distance;
    // A trailing stop only ever tightens.
    if (Number.isNaN(slot.trailingStop) || (long ? level > slot.trailingStop : level < slot.trailingStop)) {
      slot.trailingStop = level;
    }
  }
  if (!Number.isNaN(slot.breakEvenTrigger) && Number.isNaN(slot.breakEvenStop)) {
    const move = long ? slot.bestPrice / slot.entryPrice - 1 : 1 - slot.bestPrice / slot.entryPrice;
    if (move >= slot.breakEvenTrigger) {
      slot.breakEvenStop = slot.entryPrice * (long ? 1 + slot.breakEvenOffset : 1 - slot.breakEvenOffset);
    }
  }
  return slot.maxBars > 0 && slot.barsHeld >= slot.maxBars;
}
