/** Orders waiting for a later bar, and the price at which a bar triggers them. */
import type { EntryOrderType, ExitRule, OrderAction, OrderIntent } from "@tradegraph/nodes";
import type { ExitReason } from "./results-types.ts";

export interface PendingOrder {
  action: OrderAction;
  type: EntryOrderType;
  /** Limit/stop level (tick-rounded); NaN for market orders. */
  price: number;
  /** Entries: quantity sized at the signal (re-capped to cash at the fill). Exits: ignored (close all). */
  quantity: number;
  /**
   * All-in sizing not capped by a gate: the fill buys what the cash affords at the fill price (the
   * signal-time estimate would leave cash idle or overdraw after the price moves). Whole units floor.
   */
  allIn: "fractional" | "wholeUnits" | null;
  /** Initial stop implied at the reference price, for sizing and R multiples. */
  exits: readonly ExitRule[];
  nodeId: string;
  /** The intent, for exit-rule sources (trailing stops) and logs; null for engine exits. */
  intent: OrderIntent | null;
  /** Why an exit order exists (signal, time stop). */
  exitReason: ExitReason;
  signalBar: number;
}

/** Side of the market an order trades on given the current signed position. */
export function buys(order: PendingOrder, positionQuantity: number): boolean {
  if (order.action === "enterLong") return true;
  if (order.action === "enterShort") return false;
  return positionQuantity < 0;
}

/**
 * Price at which a bar fills a resting order, or NaN. A gap beyond the level fills at the open (the
 * first price actually traded), never at the level. Limits need price to trade through the level
 * unless `touch` is on.
 */
export function triggerPrice(
  type: EntryOrderType,
  buying: boolean,
  level: number,
  open: number,
  high: number,
  low: number,
  touch: boolean,
): number {
  if (type === "market") return open;
  if (type === "limit") {
    if (buying) {
      if (open <= level) return open;
      return low < level || (touch && low === level) ? level : Number.NaN;
    }
    if (open >= level) return open;
    return high > level || (touch && high === level) ? level : Number.NaN;
  }
  // Stop orders become market orders once the level trades.
  if (buying) {
    if (open >= level) return open;
    return high >= level ? level : Number.NaN;
  }
  if (open <= level) return open;
  return low <= level ? level : Number.NaN;
}

/** An exit the engine itself places (time stop, end of run): a market order closing everything. */
export function engineExit(
  reason: Extract<ExitReason, "endOfRun" | "timeStop">,
  signalBar: number,
): PendingOrder {
  return {
    action: "exit",
    type: "market",
    price: Number.NaN,
    quantity: 0,
    allIn: null,
    exits: [],
    nodeId: "engine",
    intent: null,
    exitReason: reason,
    signalBar,
  };
}
