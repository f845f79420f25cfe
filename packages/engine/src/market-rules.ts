/** Exchange trading rules applied to every order: tick size, lot size, minimum quantity and notional. */
import type { MarketRules } from "@tradegraph/contracts";

export type { MarketRules };

export const NO_MARKET_RULES: MarketRules = { tickSize: 0, lotSize: 0, minQuantity: 0, minNotional: 0 };

// Float steps like 0.001 are inexact; a tiny tolerance keeps 0.3 / 0.1 from flooring to 2.
const STEP_EPSILON = 1e-9;

/** Rounds a quantity down to the lot size (never buys more than was sized). */
export function floorToStep(value: number, step: number): number {
  if (step <= 0) return value;
  return Math.floor(value / step + STEP_EPSILON) * step;
}

/** Rounds a price to the tick: up for buys, down for sells, so rounding never flatters a fill. */
export function roundPriceAdverse(price: number, tickSize: number, buying: boolean): number {
  if (tickSize <= 0) return price;
  const steps = price / tickSize;
  const rounded = buying ? Math.ceil(steps - STEP_EPSILON) : Math.floor(steps + STEP_EPSILON);
  return rounded * tickSize;
}

/** Rounds a resting order level to the nearest tick. */
export function roundPriceNearest(price: number, tickSize: number): number {
  if (tickSize <= 0) return price;
  return Math.round(price / tickSize) * tickSize;
}

/** Why an order of `quantity` at `price` breaks the rules, or null when it is tradable. */
export function ruleViolation(quantity: number, price: number, rules: MarketRules): string | null {
  if (!(quantity > 0)) return "quantity rounds to zero at the market's lot size";
  if (quantity < rules.minQuantity) {
    return `quantity ${quantity} is below the market minimum ${rules.minQuantity}`;
  }
  const notional = quantity * price;
  if (notional < rules.minNotional) {
    return `order value ${notional.toFixed(2)} is below the market minimum notional ${rules.minNotional}`;
  }
  return null;
}

/** The subset of a ccxt `Market` we read (precision in TICK_SIZE mode, as ccxt reports Binance). */
export interface CcxtMarketLike {
  precision?: { price?: number | undefined; amount?: number | undefined };
  limits?: {
    amount?: { min?: number | undefined };
    cost?: { min?: number | undefined };
  };
}

/** Market rules from ccxt market info; missing fields mean "no constraint". */
export function marketRulesFromCcxt(market: CcxtMarketLike): MarketRules {
  return {
    tickSize: market.precision?.price ?? 0,
    lotSize: market.precision?.amount ?? 0,
    minQuantity: market.limits?.amount?.min ?? 0,
    minNotional: market.limits?.cost?.min ?? 0,
  };
}
