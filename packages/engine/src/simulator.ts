/**
 * The simulated broker: fills pending orders and protective exits against each bar's open/high/low,
 * with fees, slippage and market rules. A live broker implements the same `Broker` interface.
 */
import type { BacktestSettings } from "@tradegraph/contracts";
import type { CandleColumns } from "@tradegraph/nodes";
import { moveLevelsAtClose } from "./close-levels.ts";
import { RunningAtr, slip } from "./costs.ts";
import { BOTH, type ExitPrice, resolveExit, resolveWithFinerCandles, STOP, TARGET } from "./intrabar.ts";
import { floorToStep, roundPriceAdverse, ruleViolation } from "./market-rules.ts";
import { buys, engineExit, type PendingOrder, triggerPrice } from "./orders.ts";
import type { Portfolio } from "./portfolio.ts";
import type { SymbolSlot } from "./position.ts";
import type { ExitReason } from "./results-types.ts";

/** One bar's prices, reused in place by the drivers (no object per bar). */
export interface BarPrices {
  index: number;
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** What the trading session needs from whoever executes orders (simulator here, exchange live). */
export interface Broker {
  /** Bar `bar` of `slot` has closed: fill what its open, high and low reached. */
  processBar(slot: SymbolSlot, bar: BarPrices): void;
  /**
   * After the strategy evaluated the bar: move trailing and break-even stops with the values as of this
   * close and queue a due time stop.
   */
  closeBar(slot: SymbolSlot, bar: BarPrices): void;
  /** Queue an order for the next bar. */
  submit(slot: SymbolSlot, order: PendingOrder, bar: BarPrices): void;
  /** Execute a market order now at `bar.close` (close-fill option, end-of-run close). */
  fillAtClose(slot: SymbolSlot, order: PendingOrder, bar: BarPrices): void;
}

export class SimulatedBroker implements Broker {
  private readonly atr: RunningAtr[];
  private readonly touch: boolean;
  /** ATR is tracked only for ATR-based slippage. */
  private readonly usesAtr: boolean;
  /** Price chosen by the last intrabar resolution (the open when a gap jumped the level). */
  private readonly exit: ExitPrice = { price: Number.NaN };

  constructor(
    private readonly portfolio: Portfolio,
    private readonly settings: BacktestSettings,
    private readonly timeframeMs: number,
    /** Finer candles per slot index, used only to order stop and target inside an ambiguous bar. */
    private readonly finer: readonly (CandleColumns | undefined)[] = [],
  ) {
    const period = settings.slippage.mode === "atr" ? settings.slippage.period : 14;
    this.atr = portfolio.slots.map(() => new RunningAtr(period));
    this.touch = settings.limitFill === "touch";
    this.usesAtr = settings.slippage.mode === "atr";
  }

  submit(slot: SymbolSlot, order: PendingOrder, bar: BarPrices): void {
    if (order.action !== "exit") {
      // A new entry replaces any entry still waiting on this symbol.
      removeWhere(slot.pending, (p) => p.action !== "exit");
    }
    slot.pending.push(order);
    this.portfolio.ledger.log({
      time: bar.time,
      symbol: slot.symbol,
      kind: "submitted",
      nodeId: order.nodeId,
      side: buys(order, slot.quantity) ? "buy" : "sell",
      orderType: order.type,
      quantity: order.quantity,
      price: Number.isNaN(order.price) ? null : order.price,
      fee: 0,
      reason: order.action === "exit" ? order.exitReason : order.action,
    });
  }

  processBar(slot: SymbolSlot, bar: BarPrices): void {
    if (bar.volume === 0) {
      // Nothing traded in this bar (exchange halt, or a forward-filled gap): no order can fill on it.
      slot.lastClose = bar.close;
      slot.lastBarIndex = bar.index;
      return;
    }
    const wasOpen = slot.quantity !== 0;
    let openedAtOpen = false;
    const pending = slot.pending;
    if (pending.length > 0) {
      let kept = 0;
      for (let k = 0; k < pending.length; k++) {
        const order = pending[k]!;
        const buying = buys(order, slot.quantity);
        const raw = triggerPrice(order.type, buying, order.price, bar.open, bar.high, bar.low, this.touch);
        if (Number.isNaN(raw)) {
          pending[kept++] = order;
          continue;
        }
        this.execute(slot, order, raw, bar);
        if (raw === bar.open && slot.entryBar === bar.index) openedAtOpen = true;
      }
      pending.length = kept;
    }
    // Protective exits watch the bar from its open: positions held before it, or filled at its open.
    if (slot.quantity !== 0 && (wasOpen || openedAtOpen)) this.checkProtectiveExits(slot, bar);
    if (this.usesAtr) this.atr[slot.index]!.update(bar.high, bar.low, bar.close);
    slot.lastClose = bar.close;
    slot.lastBarIndex = bar.index;
  }

  closeBar(slot: SymbolSlot, bar: BarPrices): void {
    // A position opened at this very close starts counting on the next bar.
    if (slot.quantity !== 0 && slot.openedAtCloseOf !== bar.index) this.updateAtClose(slot, bar);
  }

  fillAtClose(slot: SymbolSlot, order: PendingOrder, bar: BarPrices): void {
    this.execute(slot, order, bar.close, bar);
    if (slot.quantity !== 0 && slot.entryBar === bar.index && order.action !== "exit")
      slot.openedAtCloseOf = bar.index;
  }

  /** Applies a triggered order at the raw trigger price (before slippage and tick rounding). */
  private execute(slot: SymbolSlot, order: PendingOrder, raw: number, bar: BarPrices): void {
    const { ledger } = this.portfolio;
    if (order.action === "exit") {
      const closes =
        slot.quantity !== 0 &&
        (order.intent?.exitSide === undefined ||
          order.intent.exitSide === "any" ||
          (order.intent.exitSide === "long") === slot.quantity > 0);
      if (closes) this.closeAt(slot, raw, order.type === "limit", bar, order.exitReason, order.nodeId);
      return;
    }
    const long = order.action === "enterLong";
    if (slot.quantity !== 0) {
      if (slot.quantity > 0 === long) return; // already on that side: no pyramiding
      this.closeAt(slot, raw, order.type === "limit", bar, "reverse", order.nodeId);
    }
    if (!long && this.settings.positions === "longOnly") {
      this.reject(
        slot,
        order,
        bar,
        raw,
        "short selling is off (long-only); the short entry only closed the long",
      );
      return;
    }
    const maker = order.type === "limit";
    const price = maker ? raw : this.slipped(slot, raw, long);
    const feeRate = maker ? this.settings.fees.maker : this.settings.fees.taker;
    const affordable = this.affordable(slot, price, feeRate, long);
    const wanted =
      order.allIn === null
        ? Math.min(order.quantity, affordable)
        : order.allIn === "wholeUnits"
          ? Math.floor(affordable)
          : affordable;
    const quantity = floorToStep(wanted, slot.rules.lotSize);
    const problem = ruleViolation(quantity, price, slot.rules);
    if (problem !== null) {
      this.reject(slot, order, bar, price, `at the fill: ${problem}`);
      return;
    }
    const fee = quantity * price * feeRate;
    if (price !== raw) ledger.slippageCost += Math.abs(price - raw) * quantity;
    ledger.open(
      slot,
      long ? "long" : "short",
      quantity,
      price,
      fee,
      bar.time,
      bar.index,
      order.exits,
      order.signalBar,
      order.nodeId,
    );
    this.logFill(slot, order.nodeId, long, order.type, quantity, price, fee, bar, order.action);
  }

  /** Largest quantity the account can carry at `price`, fees included. */
  private affordable(slot: SymbolSlot, price: number, feeRate: number, long: boolean): number {
    const { portfolio, settings } = this;
    const unitCost = price * (1 + feeRate);
    const marginRoom = settings.leverage * portfolio.equity() - portfolio.grossExposure(slot.index);
    // Spot without leverage can only spend the cash it has; with leverage, gross exposure is the limit.
    const room = long && settings.leverage === 1 ? Math.min(portfolio.ledger.cash, marginRoom) : marginRoom;
    return room > 0 ? room / unitCost : 0;
  }

  private slipped(slot: SymbolSlot, raw: number, buying: boolean): number {
    const price = slip(raw, buying, this.settings.slippage, this.atr[slot.index]!.value);
    return roundPriceAdverse(price, slot.rules.tickSize, buying);
  }

  /** Closes the slot's position at a raw price; limit exits pay maker and no slippage. */
  private closeAt(
    slot: SymbolSlot,
    raw: number,
    limit: boolean,
    bar: BarPrices,
    reason: ExitReason,
    nodeId: string,
    optimisticRaw = Number.NaN,
  ): void {
    const selling = slot.quantity > 0;
    const quantity = Math.abs(slot.quantity);
    const price = limit ? raw : this.slipped(slot, raw, !selling);
    const fee = quantity * price * (limit ? this.settings.fees.maker : this.settings.fees.taker);
    const optimisticFee = quantity * optimisticRaw * this.settings.fees.maker;
    const { ledger } = this.portfolio;
    if (price !== raw) ledger.slippageCost += Math.abs(price - raw) * quantity;
    ledger.close(slot, price, fee, bar.time, reason, optimisticRaw, optimisticFee);
    this.logFill(slot, nodeId, !selling, limit ? "limit" : "market", quantity, price, fee, bar, reason);
  }

  private checkProtectiveExits(slot: SymbolSlot, bar: BarPrices): void {
    const stop = slot.effectiveStop();
    const target = slot.takeProfit;
    if (Number.isNaN(stop) && Number.isNaN(target)) return;
    const long = slot.quantity > 0;
    const out = this.exit;
    let outcome = resolveExit(long, stop, target, bar.open, bar.high, bar.low, this.touch, out);
    if (outcome === BOTH) {
      const finer = this.finer[slot.index];
      outcome = resolveWithFinerCandles(
        finer,
        bar.time,
        this.timeframeMs,
        long,
        stop,
        target,
        this.touch,
        out,
      );
    }
    if (outcome === STOP) this.closeAt(slot, out.price, false, bar, slot.stopKind, "engine");
    else if (outcome === TARGET) this.closeAt(slot, out.price, true, bar, "takeProfit", "engine");
    else if (outcome === BOTH) {
      // Stop and target both inside one bar with no finer data: assume the stop (worse) filled first.
      slot.ambiguousBars++;
      this.closeAt(slot, stop, false, bar, slot.stopKind, "engine", target);
    }
  }

  /** At the close: move trailing and break-even stops, and queue a due time stop. */
  private updateAtClose(slot: SymbolSlot, bar: BarPrices): void {
    const due = moveLevelsAtClose(slot, bar.index, bar.high, bar.low);
    if (due && !slot.pending.some((p) => p.action === "exit")) {
      const order = engineExit("timeStop", bar.index);
      if (this.settings.fill === "close") this.fillAtClose(slot, order, bar);
      else this.submit(slot, order, bar);
    }
  }

  private reject(slot: SymbolSlot, order: PendingOrder, bar: BarPrices, price: number, reason: string): void {
    this.portfolio.ledger.log({
      time: bar.time,
      symbol: slot.symbol,
      kind: "rejected",
      nodeId: order.nodeId,
      side: order.action === "enterLong" ? "buy" : "sell",
      orderType: order.type,
      quantity: order.quantity,
      price,
      fee: 0,
      reason,
    });
  }

  private logFill(
    slot: SymbolSlot,
    nodeId: string,
    buying: boolean,
    orderType: "market" | "limit" | "stop",
    quantity: number,
    price: number,
    fee: number,
    bar: BarPrices,
    reason: string,
  ): void {
    this.portfolio.ledger.log({
      time: bar.time,
      symbol: slot.symbol,
      kind: "filled",
      nodeId,
      side: buying ? "buy" : "sell",
      orderType,
      quantity,
      price,
      fee,
      reason,
    });
  }
}

function removeWhere<T>(items: T[], drop: (item: T) => boolean): void {
  let kept = 0;
  for (let k = 0; k < items.length; k++) if (!drop(items[k]!)) items[kept++] = items[k]!;
  items.length = kept;
}
