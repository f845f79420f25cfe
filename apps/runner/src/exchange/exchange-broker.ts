import type { BarPrices, Broker, Portfolio } from "@tradegraph/engine";
import { clientOrderId } from "../deployments/client-order-id.ts";
import type { OrderDesk, OrderState } from "./order-desk.ts";
import { RestingTakeProfits } from "./resting-take-profit.ts";
import { isTransient } from "./retry.ts";

type SymbolSlot = Parameters<Broker["submit"]>[0];
type PendingOrder = Parameters<Broker["submit"]>[1];
type ExitReason = PendingOrder["exitReason"];

/** A market exit that keeps filling only in parts is retried this many times (then the rest stays open). */
const MAX_EXIT_PARTS = 30;
/** Entries spend at most this much less than the cash, for the price moving between the close and the fill. */
const PRICE_MOVE_MARGIN = 0.005;

interface QueuedOrder {
  slot: SymbolSlot;
  order: PendingOrder;
  bar: BarPrices;
}

/** What one exchange order filled, in the ledger's terms (fees in the quote currency). */
export interface BookedFill {
  /** Quantity the account holds/gave up (a fee taken in the base asset is already deducted). */
  quantity: number;
  averagePrice: number;
  feeInQuote: number;
  time: number;
}

export interface ExchangeBrokerOptions {
  portfolio: Portfolio;
  desk: OrderDesk;
  deploymentId: string;
  /** Rounds a quantity down to what the exchange accepts (ccxt `amountToPrecision`). */
  roundQuantity: (symbol: string, quantity: number) => number;
  /** The account's free quote balance now (read before sizing an entry). */
  freeQuote: (symbol: string) => Promise<number>;
  /** Taker fee rate, to size all-in entries so the fee still fits in the cash. */
  takerFee: number;
  /** Rounds a price to the market's tick; given = take-profit targets rest on the exchange as limit sells. */
  roundPrice?: (symbol: string, price: number) => number;
}

/**
 * The engine's broker for testnet and live, spot only: the session's orders are queued while it evaluates
 * a closed bar (the engine is synchronous), then `flush` sends them as market orders through the order desk
 * and books what really filled into the ledger, so P&L is computed exactly as in the backtest.
 * Take-profit targets rest on the exchange as limit sells (with `roundPrice`); stops are watched on closed
 * bars and sent as market exits, after the resting target is cancelled.
 */
export class ExchangeBroker implements Broker {
  private queue: QueuedOrder[] = [];
  private readonly takeProfits: RestingTakeProfits | null;
  /** Entries whose outcome the exchange never told (retries ran out), by slot: their exit rules. */
  private readonly unheardEntries = new Map<number, QueuedOrder>();

  constructor(private readonly options: ExchangeBrokerOptions) {
    this.takeProfits = options.roundPrice
      ? new RestingTakeProfits({
          desk: options.desk,
          deploymentId: options.deploymentId,
          roundQuantity: options.roundQuantity,
          roundPrice: options.roundPrice,
        })
      : null;
  }

  processBar(slot: SymbolSlot, bar: BarPrices): void {
    if (slot.quantity === 0) return;
    const long = slot.quantity > 0;
    const stop = slot.effectiveStop();
    const target = slot.takeProfit;
    const stopHit = !Number.isNaN(stop) && (long ? bar.low <= stop : bar.high >= stop);
    const targetHit = !Number.isNaN(target) && (long ? bar.high >= target : bar.low <= target);
    if (stopHit || targetHit) this.queueExit(slot, bar, stopHit ? slot.stopKind : "takeProfit");
  }

  closeBar(slot: SymbolSlot, _bar: BarPrices): void {
    if (slot.quantity !== 0) slot.barsHeld++;
  }

  submit(slot: SymbolSlot, order: PendingOrder, bar: BarPrices): void {
    if (order.action !== "exit")
      this.queue = this.queue.filter((q) => q.slot !== slot || q.order.action === "exit");
    this.queue.push({ slot, order, bar });
  }

  fillAtClose(slot: SymbolSlot, order: PendingOrder, bar: BarPrices): void {
    this.submit(slot, order, bar);
  }

  /**
   * After a restart restored the position and its levels: rests its target on the exchange again (the one
   * left by the earlier run was cancelled at start). `attempt` makes the client order id new each restart.
   */
  async rearmTarget(slot: SymbolSlot, attempt: number): Promise<boolean> {
    if (!this.takeProfits || this.takeProfits.has(slot)) return false;
    return this.takeProfits.place(slot, slot.entryTime, slot.entryNodeId, `takeProfit:rearm#${attempt}`);
  }

  /**
   * The entry sent on this slot whose answer was lost (null when none), forgotten once read: when the
   * reconcile finds it filled, the position gets that entry's stop and target.
   */
  takeUnheardEntry(slot: SymbolSlot): { order: PendingOrder; bar: BarPrices } | null {
    const entry = this.unheardEntries.get(slot.index) ?? null;
    this.unheardEntries.delete(slot.index);
    return entry;
  }

  /** Orders waiting to be sent (the loop flushes them before the next candle). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Sends every queued order (each exactly once) and books its fills; call after each closed candle. */
  async flush(): Promise<void> {
    const queued = this.queue;
    this.queue = [];
    for (const item of queued) await this.execute(item);
  }

  private queueExit(slot: SymbolSlot, bar: BarPrices, reason: ExitReason): void {
    if (this.queue.some((q) => q.slot === slot && q.order.action === "exit")) return;
    this.queue.push({
      slot,
      bar,
      order: {
        action: "exit",
        type: "market",
        price: Number.NaN,
        quantity: 0,
        allIn: null,
        exits: [],
        nodeId: "engine",
        intent: null,
        exitReason: reason,
        signalBar: bar.index,
      },
    });
  }

  private async execute({ slot, order, bar }: QueuedOrder): Promise<void> {
    const { ledger } = this.options.portfolio;
    if (order.action === "exit") {
      if (slot.quantity <= 0) return;
      // The ledger closes whole positions: a partly filled exit is followed by orders for the rest.
      const fills: OrderState["fills"] = [];
      let left = this.options.roundQuantity(slot.symbol, slot.quantity);
      let reason = order.exitReason;
      if (this.takeProfits?.has(slot)) {
        // A touched target is read first (it usually filled at its price); otherwise it is cancelled.
        let target = order.exitReason === "takeProfit" ? await this.takeProfits.settle(slot, false) : null;
        if (target === null || target.status !== "filled") target = await this.takeProfits.settle(slot, true);
        fills.push(...(target?.fills ?? []));
        left = this.options.roundQuantity(slot.symbol, left - (target?.filledQuantity ?? 0));
        if (left === 0 && fills.length > 0) reason = "takeProfit";
      }
      for (let part = 0; part < MAX_EXIT_PARTS && left > 0; part++) {
        const state = await this.send(slot, order, bar, "sell", left, part);
        if (state === null) break;
        fills.push(...state.fills);
        left = this.options.roundQuantity(slot.symbol, left - state.filledQuantity);
      }
      const fill = bookedFill({ fills }, slot.symbol);
      if (fill) ledger.close(slot, fill.averagePrice, fill.feeInQuote, fill.time, reason, Number.NaN, 0);
      return;
    }
    if (order.action === "enterShort") {
      if (slot.quantity > 0)
        await this.execute({ slot, bar, order: { ...order, action: "exit", exitReason: "reverse" } });
      this.reject(slot, order, bar, "short entries need margin or futures; this deployment trades spot");
      return;
    }
    if (slot.quantity > 0) return; // already long: no pyramiding, as in the backtest
    // Size on what the account really has (dust and price moves since the close make the ledger's cash
    // an estimate), keeping a margin for the market price moving before the order lands.
    const cash = Math.min(ledger.cash, await this.options.freeQuote(slot.symbol)) * (1 - PRICE_MOVE_MARGIN);
    const affordable = cash / (bar.close * (1 + this.options.takerFee));
    const wanted = order.allIn === null ? Math.min(order.quantity, affordable) : affordable;
    const quantity = this.options.roundQuantity(slot.symbol, wanted);
    if (!(quantity > 0)) {
      this.reject(slot, order, bar, `quantity ${wanted} rounds to nothing at the exchange's lot size`);
      return;
    }
    const state = await this.send(slot, order, bar, "buy", quantity);
    const fill = state && bookedFill(state, slot.symbol);
    if (!fill) return;
    ledger.open(
      slot,
      "long",
      fill.quantity,
      fill.averagePrice,
      fill.feeInQuote,
      fill.time,
      bar.index,
      order.exits,
      order.signalBar,
      order.nodeId,
    );
    await this.takeProfits?.place(slot, bar.time, order.nodeId);
  }

  private async send(
    slot: SymbolSlot,
    order: PendingOrder,
    bar: BarPrices,
    side: "buy" | "sell",
    quantity: number,
    part = 0,
  ): Promise<OrderState | null> {
    const purpose =
      (order.action === "exit" ? `exit:${order.exitReason}` : order.action) + (part > 0 ? `#${part}` : "");
    try {
      return await this.options.desk.place({
        clientOrderId: clientOrderId(this.options.deploymentId, bar.time, order.nodeId, purpose),
        symbol: slot.symbol,
        side,
        type: "market",
        quantity,
        barTime: bar.time,
        reason: order.action === "exit" ? order.exitReason : "entry",
      });
    } catch (error) {
      // Retries ran out on a transient error: stop here; the reconcile looks it up by client order id.
      if (isTransient(error)) {
        if (order.action === "enterLong") this.unheardEntries.set(slot.index, { slot, order, bar });
        throw error;
      }
      this.reject(slot, order, bar, `the exchange refused the order: ${(error as Error).message}`);
      return null;
    }
  }

  private reject(slot: SymbolSlot, order: PendingOrder, bar: BarPrices, reason: string): void {
    this.options.portfolio.ledger.log({
      time: bar.time,
      symbol: slot.symbol,
      kind: "rejected",
      nodeId: order.nodeId,
      side: order.action === "enterLong" ? "buy" : "sell",
      orderType: "market",
      quantity: order.quantity,
      price: bar.close,
      fee: 0,
      reason,
    });
  }
}

/** Sums an order's recorded fills in ledger terms; null when nothing filled. */
export function bookedFill(state: Pick<OrderState, "fills">, symbol: string): BookedFill | null {
  const [base] = symbol.split("/");
  let quantity = 0;
  let cost = 0;
  let feeInQuote = 0;
  let baseFee = 0;
  for (const fill of state.fills) {
    quantity += fill.quantity;
    cost += fill.quantity * fill.price;
    if (fill.feeCurrency === base) {
      baseFee += fill.fee;
      feeInQuote += fill.fee * fill.price;
    } else feeInQuote += fill.fee;
  }
  if (!(quantity > 0)) return null;
  const last = state.fills[state.fills.length - 1]!;
  return { quantity: quantity - baseFee, averagePrice: cost / quantity, feeInQuote, time: last.time };
}
