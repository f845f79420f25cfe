/** Turns a sizing rule into a quantity at the signal's reference price (before lot rounding). */
import type { SizingSpec } from "@tradegraph/nodes";
import type { Ledger } from "./ledger.ts";

export interface SizingInputs {
  equity: number;
  /** Most the account can put into this order (cash for spot longs, margin room otherwise). */
  buyingPower: number;
  referencePrice: number;
  /** Absolute stop price implied by the entry's stop-loss, NaN without one. */
  stopPrice: number;
  /** Fee rate and expected slippage fraction, so all-in orders leave room for costs. */
  feeRate: number;
  slippageFraction: number;
}

/** Quantity for the order, or a string saying why it cannot be sized. */
export function sizeOrder(spec: SizingSpec, inputs: SizingInputs, ledger: Ledger): number | string {
  const { equity, referencePrice: price } = inputs;
  const unitCost = price * (1 + inputs.feeRate) * (1 + inputs.slippageFraction);
  switch (spec.mode) {
    case "fixedQuantity":
      return spec.quantity;
    case "percentEquity":
      return (equity * spec.percent) / price;
    case "riskPerTrade": {
      const risk = Math.abs(price - inputs.stopPrice);
      if (!(risk > 0)) return "risk-per-trade sizing needs a stop-loss on the entry";
      return (equity * spec.riskPercent) / risk;
    }
    case "kelly":
      return (equity * kellyFraction(spec, ledger)) / price;
    case "allIn": {
      const quantity = Math.max(0, inputs.buyingPower) / unitCost;
      return spec.wholeUnits ? Math.floor(quantity) : quantity;
    }
  }
}

/**
 * Kelly fraction W − (1 − W) / R from the run's closed trades (W win rate, R average win / average
 * loss), scaled by `fraction` and capped; the fallback applies until `minTrades` trades with wins and
 * losses exist.
 */
export function kellyFraction(spec: Extract<SizingSpec, { mode: "kelly" }>, ledger: Ledger): number {
  const closed = ledger.trades.length;
  const wins = ledger.winningTrades;
  const losses = closed - wins;
  if (closed < spec.minTrades || wins === 0 || losses === 0 || ledger.grossLoss <= 0)
    return spec.fallbackPercent;
  const winRate = wins / closed;
  const payoff = ledger.grossProfit / wins / (ledger.grossLoss / losses);
  const kelly = winRate - (1 - winRate) / payoff;
  return Math.min(spec.maxPercent, Math.max(0, kelly * spec.fraction));
}
