/**
 * The mandatory stage between a strategy's intent and an order: size it, apply the market's rules and
 * the portfolio limit, then every risk gate in graph order. Denials are logged with the gate and why.
 */
import type { BacktestSettings } from "@tradegraph/contracts";
import type { AccountView, OrderIntent, ProposedOrder } from "@tradegraph/nodes";
import { floorToStep, roundPriceNearest, ruleViolation } from "./market-rules.ts";
import type { Portfolio } from "./portfolio.ts";
import type { SymbolSlot } from "./position.ts";
import { sizeOrder } from "./sizing.ts";

/** Approved quantity and level for an entry intent, or null when it was denied (and logged). */
export interface ApprovedEntry {
  quantity: number;
  /** Tick-rounded limit/stop level, NaN for market orders. */
  level: number;
  /** All-in sizing left uncapped by the gates: re-sized to the cash at the fill. */
  allIn: "fractional" | "wholeUnits" | null;
}

export class RiskStage {
  constructor(
    private readonly portfolio: Portfolio,
    private readonly settings: BacktestSettings,
  ) {}

  approveEntry(
    slot: SymbolSlot,
    intent: OrderIntent,
    account: AccountView,
    equity: number,
  ): ApprovedEntry | null {
    const { settings, portfolio } = this;
    const long = intent.action === "enterLong";
    const level =
      intent.orderType === "market" || intent.price === undefined
        ? Number.NaN
        : roundPriceNearest(intent.price, slot.rules.tickSize);
    const price = Number.isNaN(level) ? intent.referencePrice : level;
    if (!(price > 0))
      return this.deny(slot, intent, "order", `reference price ${price} is not a positive number`);
    const busy = this.positionsInUse(slot);
    if (busy >= settings.maxOpenPositions) {
      return this.deny(
        slot,
        intent,
        "portfolio",
        `max open positions (${settings.maxOpenPositions}) reached`,
      );
    }
    const { stopPrice, targetPrice } = impliedLevels(intent, price, long);
    const feeRate = intent.orderType === "limit" ? settings.fees.maker : settings.fees.taker;
    const slippageFraction = settings.slippage.mode === "bps" ? settings.slippage.bps / 10_000 : 0;
    const marginRoom = settings.leverage * equity - portfolio.grossExposure(slot.index);
    // Margin room excludes this symbol's own position, which a reversal closes first.
    const buyingPower =
      long && settings.leverage === 1 ? Math.min(portfolio.ledger.cash, marginRoom) : marginRoom;
    const spec = intent.sizing ?? settings.defaultSizing;
    const sized = sizeOrder(
      spec,
      { equity, buyingPower, referencePrice: price, stopPrice, feeRate, slippageFraction },
      portfolio.ledger,
    );
    if (typeof sized === "string") return this.deny(slot, intent, "sizing", sized);
    let quantity = floorToStep(sized, slot.rules.lotSize);
    let allIn: ApprovedEntry["allIn"] =
      spec.mode === "allIn" ? (spec.wholeUnits ? "wholeUnits" : "fractional") : null;
    const problem = ruleViolation(quantity, price, slot.rules);
    if (problem !== null) return this.reject(slot, intent, quantity, price, problem);
    const proposed: ProposedOrder = {
      intent,
      quantity,
      referencePrice: price,
      notional: quantity * price,
      feeRate: settings.fees.taker,
      ...(Number.isNaN(stopPrice) ? {} : { stopPrice }),
      ...(Number.isNaN(targetPrice) ? {} : { targetPrice }),
    };
    for (const gate of intent.riskGates) {
      const verdict = gate.check(proposed, account, intent.barIndex);
      if (!verdict.allowed)
        return this.deny(slot, intent, gate.nodeId, `${gate.title}: ${verdict.reason}`, quantity);
      if (verdict.maxQuantity !== undefined && verdict.maxQuantity < quantity) {
        quantity = floorToStep(verdict.maxQuantity, slot.rules.lotSize);
        allIn = null;
        const capped = ruleViolation(quantity, price, slot.rules);
        if (capped !== null) {
          return this.deny(
            slot,
            intent,
            gate.nodeId,
            `${gate.title}: capped size is not tradable (${capped})`,
          );
        }
        proposed.quantity = quantity;
        proposed.notional = quantity * price;
      }
    }
    return { quantity, level, allIn };
  }

  /** Open positions plus entries waiting to fill on other symbols. */
  private positionsInUse(slot: SymbolSlot): number {
    let busy = 0;
    for (const other of this.portfolio.slots) {
      if (other === slot) continue;
      if (other.quantity !== 0 || other.pending.some((p) => p.action !== "exit")) busy++;
    }
    return busy;
  }

  private deny(
    slot: SymbolSlot,
    intent: OrderIntent,
    gateNodeId: string,
    reason: string,
    quantity = 0,
  ): null {
    this.portfolio.ledger.log({
      time: intent.time,
      symbol: slot.symbol,
      kind: "denied",
      nodeId: intent.nodeId,
      side: intent.action === "enterLong" ? "buy" : "sell",
      orderType: intent.orderType,
      quantity,
      price: intent.price ?? null,
      fee: 0,
      reason,
      gateNodeId,
    });
    return null;
  }

  private reject(
    slot: SymbolSlot,
    intent: OrderIntent,
    quantity: number,
    price: number,
    reason: string,
  ): null {
    this.portfolio.ledger.log({
      time: intent.time,
      symbol: slot.symbol,
      kind: "rejected",
      nodeId: intent.nodeId,
      side: intent.action === "enterLong" ? "buy" : "sell",
      orderType: intent.orderType,
      quantity,
      price,
      fee: 0,
      reason: `market rules: ${reason}`,
    });
    return null;
  }
}

/** Stop and target prices the entry's exit rules imply at `price` (NaN when absent). */
export function impliedLevels(intent: OrderIntent, price: number, long: boolean) {
  const direction = long ? 1 : -1;
  let stopPrice = Number.NaN;
  let targetPrice = Number.NaN;
  for (const rule of intent.exits) {
    if (rule.kind === "stopLoss") {
      const distance = rule.percent !== undefined ? price * rule.percent : (rule.distance ?? Number.NaN);
      if (distance > 0) stopPrice = price - direction * distance;
    }
  }
  for (const rule of intent.exits) {
    if (rule.kind === "takeProfit") {
      let distance = rule.percent !== undefined ? price * rule.percent : (rule.distance ?? Number.NaN);
      if (rule.minRewardRisk !== undefined && !Number.isNaN(stopPrice)) {
        distance = Math.max(distance, rule.minRewardRisk * Math.abs(price - stopPrice));
      }
      if (distance > 0) targetPrice = price + direction * distance;
    }
  }
  return { stopPrice, targetPrice };
}
