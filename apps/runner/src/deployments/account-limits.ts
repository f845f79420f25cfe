import type { BarPrices, Broker } from "@tradegraph/engine";

type SymbolSlot = Parameters<Broker["submit"]>[0];
type PendingOrder = Parameters<Broker["submit"]>[1];

/** Account-level hard limits, checked after the graph's own risk gates, for every mode alike. */
export interface AccountLimits {
  /** Largest order value (quantity × last close, quote currency). */
  maxNotionalPerOrder?: number;
  /** Entry orders per UTC day. */
  maxOrdersPerDay?: number;
  /** Minimum time between two entry orders, ms. */
  minMsBetweenOrders?: number;
  /** Set: no new entries at all (exits still go through). */
  killSwitch?: boolean;
}

export interface DeniedOrder {
  time: number;
  symbol: string;
  nodeId: string;
  reason: string;
}

const DAY_MS = 86_400_000;

/**
 * Wraps the mode's broker: entry orders that break an account limit are dropped with a reason; exits are
 * never blocked (a limit must not stop the user from getting out of a position).
 */
export class AccountLimitsBroker implements Broker {
  readonly denied: DeniedOrder[] = [];
  private day = -1;
  private ordersToday = 0;
  private lastOrderTime = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly inner: Broker,
    readonly limits: AccountLimits,
  ) {}

  processBar(slot: SymbolSlot, bar: BarPrices): void {
    this.inner.processBar(slot, bar);
  }

  closeBar(slot: SymbolSlot, bar: BarPrices): void {
    this.inner.closeBar(slot, bar);
  }

  submit(slot: SymbolSlot, order: PendingOrder, bar: BarPrices): void {
    if (this.allows(slot, order, bar)) this.inner.submit(slot, order, bar);
  }

  fillAtClose(slot: SymbolSlot, order: PendingOrder, bar: BarPrices): void {
    if (this.allows(slot, order, bar)) this.inner.fillAtClose(slot, order, bar);
  }

  private allows(slot: SymbolSlot, order: PendingOrder, bar: BarPrices): boolean {
    if (order.action === "exit") return true;
    const reason = this.breach(order, bar);
    if (reason !== null) {
      this.denied.push({ time: bar.time, symbol: slot.symbol, nodeId: order.nodeId, reason });
      return false;
    }
    const day = Math.floor(bar.time / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.ordersToday = 0;
    }
    this.ordersToday++;
    this.lastOrderTime = bar.time;
    return true;
  }

  private breach(order: PendingOrder, bar: BarPrices): string | null {
    const { limits } = this;
    if (limits.killSwitch) return "kill switch is on: no new entries";
    const notional = order.quantity * bar.close;
    if (limits.maxNotionalPerOrder !== undefined && notional > limits.maxNotionalPerOrder) {
      return `order value ${notional.toFixed(2)} is above the max notional per order ${limits.maxNotionalPerOrder}`;
    }
    const today = Math.floor(bar.time / DAY_MS) === this.day ? this.ordersToday : 0;
    if (limits.maxOrdersPerDay !== undefined && today >= limits.maxOrdersPerDay) {
      return `already ${today} orders today (max orders per day ${limits.maxOrdersPerDay})`;
    }
    const since = bar.time - this.lastOrderTime;
    if (limits.minMsBetweenOrders !== undefined && since < limits.minMsBetweenOrders) {
      return `only ${Math.round(since / 60_000)} min since the last order (minimum ${Math.round(limits.minMsBetweenOrders / 60_000)} min)`;
    }
    return null;
  }
}
