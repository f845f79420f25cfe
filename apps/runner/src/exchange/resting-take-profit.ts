// Take-profit targets rest on the exchange as limit sells placed right after the entry fills, so they fill
// at the target the moment the price gets there (as the backtest assumes), not at the next closed bar.
// Stops stay watched on closed bars: on spot, a second resting order could not lock the same coins.
import type { Broker } from "@tradegraph/engine";
import { clientOrderId } from "../deployments/client-order-id.ts";
import type { OrderDesk, OrderState } from "./order-desk.ts";
import { isTransient } from "./retry.ts";

type SymbolSlot = Parameters<Broker["submit"]>[0];

export interface RestingTakeProfitOptions {
  desk: OrderDesk;
  deploymentId: string;
  roundQuantity: (symbol: string, quantity: number) => number;
  /** Rounds a price to the market's tick (ccxt `priceToPrecision`). */
  roundPrice: (symbol: string, price: number) => number;
}

const FINAL: readonly OrderState["status"][] = ["filled", "cancelled", "expired", "rejected"];

export class RestingTakeProfits {
  private readonly resting = new Map<number, { clientOrderId: string; symbol: string }>();

  constructor(private readonly options: RestingTakeProfitOptions) {}

  has(slot: SymbolSlot): boolean {
    return this.resting.has(slot.index);
  }

  /**
   * After an entry filled (or a restart restored the position): rests its target as a limit sell for the
   * whole position. False when there is no target or the exchange refused the order (the target is then
   * watched on closed bars instead). `purpose` keeps a re-armed target's client order id new.
   */
  async place(
    slot: SymbolSlot,
    barTime: number,
    nodeId: string,
    purpose = "takeProfit:resting",
  ): Promise<boolean> {
    const { desk, deploymentId, roundQuantity, roundPrice } = this.options;
    if (!(slot.takeProfit > 0) || !(slot.quantity > 0)) return false;
    const quantity = roundQuantity(slot.symbol, slot.quantity);
    if (!(quantity > 0)) return false;
    const id = clientOrderId(deploymentId, barTime, nodeId, purpose);
    try {
      await desk.place({
        clientOrderId: id,
        symbol: slot.symbol,
        side: "sell",
        type: "limit",
        quantity,
        price: roundPrice(slot.symbol, slot.takeProfit),
        barTime,
        reason: "takeProfit",
      });
    } catch (error) {
      if (isTransient(error)) throw error;
      return false;
    }
    this.resting.set(slot.index, { clientOrderId: id, symbol: slot.symbol });
    return true;
  }

  /**
   * The resting target's state before an exit: `cancel` takes it off the exchange (any other exit, or a
   * target that was touched but did not fill); otherwise it is only read. Null when none rests.
   */
  async settle(slot: SymbolSlot, cancel: boolean): Promise<OrderState | null> {
    const resting = this.resting.get(slot.index);
    if (!resting) return null;
    const { desk } = this.options;
    const state = cancel
      ? await desk.cancel(resting.clientOrderId, resting.symbol)
      : await desk.sync(resting.clientOrderId, resting.symbol);
    if (cancel || FINAL.includes(state.status)) this.resting.delete(slot.index);
    return state;
  }
}
