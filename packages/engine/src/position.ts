/**
 * One symbol's slot: its open position and protective exit levels, held as plain numeric fields
 * mutated in place (no objects per bar). Orders waiting for the next bar live in `pending`.
 */
import type { ExitRuleSource } from "@tradegraph/nodes";
import type { MarketRules } from "./market-rules.ts";
import type { PendingOrder } from "./orders.ts";

export class SymbolSlot {
  /** Signed quantity: > 0 long, < 0 short. */
  quantity = 0;
  entryPrice = Number.NaN;
  entryTime = Number.NaN;
  entryBar = -1;
  entryFee = 0;
  entryNodeId = "";
  /** Bars closed while the position was open (the entry bar counts when filled at its open). */
  barsHeld = 0;
  /** |entry − initial stop| per unit, for R multiples; NaN without a stop. */
  initialRisk = Number.NaN;
  /** Protective levels (NaN = none). The effective stop is the tightest of the three. */
  stopLoss = Number.NaN;
  trailingStop = Number.NaN;
  breakEvenStop = Number.NaN;
  takeProfit = Number.NaN;
  /** Trailing stop rule: a source asked each bar, or a fixed percent/distance. */
  trailSource: ExitRuleSource | null = null;
  trailPercent = Number.NaN;
  trailDistance = Number.NaN;
  /** Best price since entry (highest high long, lowest low short), drives trailing and break-even. */
  bestPrice = Number.NaN;
  breakEvenTrigger = Number.NaN;
  breakEvenOffset = Number.NaN;
  /** Close after this many bars held; 0 = no time stop. */
  maxBars = 0;
  pending: PendingOrder[] = [];
  /** Last traded price seen (close of the latest bar) for mark-to-market. */
  lastClose = Number.NaN;
  lastBarIndex = -1;
  /** Bar index whose close filled the current entry (close-fill option), -1 otherwise. */
  openedAtCloseOf = -1;
  /** Ambiguous bars (stop and target both inside one bar) on this symbol. */
  ambiguousBars = 0;

  constructor(
    readonly index: number,
    readonly symbol: string,
    readonly rules: MarketRules,
  ) {}

  get isOpen(): boolean {
    return this.quantity !== 0;
  }

  /** Forget the closed position's state. */
  resetPosition(): void {
    this.quantity = 0;
    this.entryPrice = Number.NaN;
    this.entryTime = Number.NaN;
    this.entryBar = -1;
    this.entryFee = 0;
    this.entryNodeId = "";
    this.barsHeld = 0;
    this.initialRisk = Number.NaN;
    this.stopLoss = Number.NaN;
    this.trailingStop = Number.NaN;
    this.breakEvenStop = Number.NaN;
    this.takeProfit = Number.NaN;
    this.trailSource = null;
    this.trailPercent = Number.NaN;
    this.trailDistance = Number.NaN;
    this.bestPrice = Number.NaN;
    this.breakEvenTrigger = Number.NaN;
    this.breakEvenOffset = Number.NaN;
    this.maxBars = 0;
  }

  /** Which rule set `effectiveStop`'s level (for the exit reason). */
  stopKind: "stopLoss" | "trailingStop" | "breakEven" = "stopLoss";

  /** The tightest active stop (highest for longs, lowest for shorts), NaN if none; sets `stopKind`. */
  effectiveStop(): number {
    const long = this.quantity > 0;
    let stop = this.stopLoss;
    this.stopKind = "stopLoss";
    if (!Number.isNaN(this.trailingStop) && (Number.isNaN(stop) || tighter(this.trailingStop, stop, long))) {
      stop = this.trailingStop;
      this.stopKind = "trailingStop";
    }
    if (
      !Number.isNaN(this.breakEvenStop) &&
      (Number.isNaN(stop) || tighter(this.breakEvenStop, stop, long))
    ) {
      stop = this.breakEvenStop;
      this.stopKind = "breakEven";
    }
    return stop;
  }
}

function tighter(level: number, than: number, long: boolean): boolean {
  return long ? level > than : level < than;
}
