/**
 * Cash, positions and the record of what happened. Every fill goes through `open` or `close`, for the
 * simulator and for a live broker alike, so accounting is identical in both.
 */
import type { ExitRule } from "@tradegraph/nodes";
import type { SymbolSlot } from "./position.ts";
import type { ExitReason, OrderLogEntry, PositionSide, Trade } from "./results-types.ts";

export class Ledger {
  cash: number;
  readonly trades: Trade[] = [];
  readonly orderLog: OrderLogEntry[] = [];
  /** Entries beyond `maxLogEntries` are counted, not stored. */
  droppedLogEntries = 0;
  deniedOrders = 0;
  feesPaid = 0;
  slippageCost = 0;
  winningTrades = 0;
  grossProfit = 0;
  grossLoss = 0;
  entriesToday = 0;
  lastEntryTime = Number.NaN;
  lastExitTime = Number.NaN;
  openPositions = 0;

  constructor(
    readonly initialCash: number,
    private readonly maxLogEntries: number,
  ) {
    this.cash = initialCash;
  }

  log(entry: OrderLogEntry): void {
    if (entry.kind === "denied") this.deniedOrders++;
    if (this.orderLog.length < this.maxLogEntries) this.orderLog.push(entry);
    else this.droppedLogEntries++;
  }

  /** Opens a position of `quantity` (> 0) on a flat slot and arms its exit rules at the fill price. */
  open(
    slot: SymbolSlot,
    side: PositionSide,
    quantity: number,
    price: number,
    fee: number,
    time: number,
    bar: number,
    exits: readonly ExitRule[],
    signalBar: number,
    nodeId: string,
  ): void {
    const signed = side === "long" ? quantity : -quantity;
    this.cash -= signed * price + fee;
    this.feesPaid += fee;
    slot.quantity = signed;
    slot.entryPrice = price;
    slot.entryTime = time;
    slot.entryBar = bar;
    slot.entryFee = fee;
    slot.entryNodeId = nodeId;
    slot.barsHeld = 0;
    slot.bestPrice = price;
    armExits(slot, exits, price, side === "long" ? 1 : -1, signalBar);
    this.openPositions++;
    this.entriesToday++;
    this.lastEntryTime = time;
  }

  /**
   * Closes the whole position at `price`. `optimisticPrice` is the target the bar could also have hit
   * (ambiguous bars), else NaN.
   */
  close(
    slot: SymbolSlot,
    price: number,
    fee: number,
    time: number,
    reason: ExitReason,
    optimisticPrice: number,
    optimisticFee: number,
  ): Trade {
    const signed = slot.quantity;
    const quantity = Math.abs(signed);
    this.cash += signed * price - fee;
    this.feesPaid += fee;
    const side: PositionSide = signed > 0 ? "long" : "short";
    const fees = slot.entryFee + fee;
    const pnl = signed * (price - slot.entryPrice) - fees;
    const ambiguous = !Number.isNaN(optimisticPrice);
    const optimisticPnl = ambiguous
      ? signed * (optimisticPrice - slot.entryPrice) - slot.entryFee - optimisticFee
      : pnl;
    const risk = slot.initialRisk * quantity;
    const trade: Trade = {
      symbol: slot.symbol,
      side,
      entryTime: slot.entryTime,
      entryPrice: slot.entryPrice,
      exitTime: time,
      exitPrice: price,
      quantity,
      fees,
      pnl,
      returnPct: pnl / (quantity * slot.entryPrice),
      rMultiple: risk > 0 ? pnl / risk : null,
      exitReason: reason,
      barsHeld: slot.barsHeld,
      ambiguous,
      optimisticPnl,
      entryNodeId: slot.entryNodeId,
    };
    this.trades.push(trade);
    if (pnl > 0) {
      this.winningTrades++;
      this.grossProfit += pnl;
    } else this.grossLoss -= pnl;
    this.openPositions--;
    this.lastExitTime = time;
    slot.resetPosition();
    return trade;
  }
}

/** Converts a rule's percent or distance into a price distance from `price`. */
function distanceOf(rule: { percent?: number; distance?: number }, price: number): number {
  if (rule.percent !== undefined) return price * rule.percent;
  if (rule.distance !== undefined) return rule.distance;
  return Number.NaN;
}

function armExits(
  slot: SymbolSlot,
  exits: readonly ExitRule[],
  price: number,
  direction: 1 | -1,
  signalBar: number,
): void {
  let stopDistance = Number.NaN;
  for (const rule of exits) {
    if (rule.kind === "stopLoss") {
      stopDistance = distanceOf(rule, price);
      if (stopDistance > 0) slot.stopLoss = price - direction * stopDistance;
    }
  }
  for (const rule of exits) {
    switch (rule.kind) {
      case "takeProfit": {
        let distance = distanceOf(rule, price);
        // A target closer than minRewardRisk × risk is pushed out so the trade keeps its reward:risk.
        if (rule.minRewardRisk !== undefined && stopDistance > 0) {
          distance = Math.max(distance, rule.minRewardRisk * stopDistance);
        }
        if (distance > 0) slot.takeProfit = price + direction * distance;
        break;
      }
      case "trailingStop": {
        slot.trailSource = rule.source;
        const current = rule.source.ruleAt(signalBar);
        const source = current && current.kind === "trailingStop" ? current : rule;
        slot.trailPercent = source.percent ?? Number.NaN;
        slot.trailDistance = source.distance ?? Number.NaN;
        const distance = distanceOf(source, price);
        if (distance > 0) slot.trailingStop = price - direction * distance;
        break;
      }
      case "breakEven":
        slot.breakEvenTrigger = rule.triggerPercent;
        slot.breakEvenOffset = rule.offsetPercent;
        break;
      case "timeStop":
        slot.maxBars = rule.maxBars;
        break;
      default:
        break;
    }
  }
  slot.initialRisk = Number.isNaN(slot.stopLoss) ? Number.NaN : Math.abs(price - slot.stopLoss);
}
