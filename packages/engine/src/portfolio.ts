/** The account across symbols: shared cash (in the ledger) and one slot per symbol. */
import { Ledger } from "./ledger.ts";
import type { MarketRules } from "./market-rules.ts";
import { SymbolSlot } from "./position.ts";

export class Portfolio {
  readonly slots: SymbolSlot[];
  readonly ledger: Ledger;
  peakEquity: number;
  dayStartEquity: number;
  /** UTC day number (epoch ms / 86,400,000) of the latest bar, for daily limits. */
  currentDay = Number.NaN;
  /** [start, end) of `currentDay` in epoch ms: most bars fall inside it and skip the division. */
  private dayStartMs = Number.NaN;
  private dayEndMs = Number.NaN;

  constructor(
    symbols: readonly string[],
    rules: readonly MarketRules[],
    initialCash: number,
    maxLog: number,
  ) {
    this.slots = symbols.map((symbol, index) => new SymbolSlot(index, symbol, rules[index]!));
    this.ledger = new Ledger(initialCash, maxLog);
    this.peakEquity = initialCash;
    this.dayStartEquity = initialCash;
  }

  /** Cash plus every position marked at its symbol's latest close. */
  equity(): number {
    let equity = this.ledger.cash;
    if (this.ledger.openPositions === 0) return equity;
    const slots = this.slots;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      if (slot.quantity !== 0) equity += slot.quantity * slot.lastClose;
    }
    return equity;
  }

  /** Sum of |position value| over slots other than `except` (-1 = all). */
  grossExposure(except: number): number {
    let gross = 0;
    if (this.ledger.openPositions === 0) return gross;
    const slots = this.slots;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      if (slot.index !== except && slot.quantity !== 0) gross += Math.abs(slot.quantity * slot.lastClose);
    }
    return gross;
  }

  /** Called before a bar's fills: a new UTC day starts with the equity carried over from the last close. */
  rollDay(time: number): void {
    if (time >= this.dayStartMs && time < this.dayEndMs) return;
    const day = Math.floor(time / 86_400_000);
    this.dayStartMs = day * 86_400_000;
    this.dayEndMs = this.dayStartMs + 86_400_000;
    if (day === this.currentDay) return;
    this.dayStartEquity = Number.isNaN(this.currentDay) ? this.ledger.initialCash : this.equity();
    this.currentDay = day;
    this.ledger.entriesToday = 0;
  }
}
