import { BinanceError, binanceId } from "./binance-format.ts";
import type { MarketBook } from "./market-book.ts";
import type {
  Balance,
  OrderSide,
  OrderStatus,
  OrderType,
  StubMarket,
  StubOrder,
  StubTrade,
} from "./types.ts";

export interface NewOrder {
  symbol: string;
  side: OrderSide;
  type: OrderType;
  quantity?: number;
  quoteOrderQty?: number;
  price?: number;
  clientOrderId?: string;
}

const EPSILON = 1e-12;

/** Balances, orders and fills of the stub account. Prices come only from the loaded real candles. */
export class TradingDesk {
  readonly balances = new Map<string, Balance>();
  readonly orders: StubOrder[] = [];
  readonly trades: StubTrade[] = [];
  private nextOrderId = 1;
  private nextTradeId = 1;

  constructor(
    private readonly book: MarketBook,
    private readonly markets: Map<string, StubMarket>,
    readonly settings: { feeRate: number; partialFillRatio: number },
  ) {}

  balance(asset: string): Balance {
    let balance = this.balances.get(asset);
    if (!balance) {
      balance = { free: 0, locked: 0 };
      this.balances.set(asset, balance);
    }
    return balance;
  }

  place(order: NewOrder, now: number): { order: StubOrder; fills: StubTrade[] } {
    const id = binanceId(order.symbol);
    if (
      order.clientOrderId &&
      this.orders.some((o) => o.clientOrderId === order.clientOrderId && o.symbol === id)
    ) {
      throw new BinanceError(400, -2010, "Duplicate order sent.");
    }
    const [base, quote] = order.symbol.split("/") as [string, string];
    const rules = this.markets.get(order.symbol) ?? { symbol: order.symbol };
    const last = this.book.lastPrice(order.symbol, now);
    const price = order.type === "LIMIT" ? order.price : last;
    if (price === undefined || !(price > 0))
      throw new BinanceError(
        400,
        -1102,
        "Mandatory parameter 'price' was not sent, was empty/null, or malformed.",
      );
    const quantity =
      order.quantity ??
      (order.quoteOrderQty !== undefined
        ? floorTo(order.quoteOrderQty / price, rules.stepSize ?? "0.00001")
        : undefined);
    if (quantity === undefined || !(quantity > 0))
      throw new BinanceError(
        400,
        -1102,
        "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.",
      );
    checkFilters(rules, price, quantity);
    const cost = order.side === "BUY" ? quantity * price : quantity;
    const funding = this.balance(order.side === "BUY" ? quote : base);
    if (funding.free + EPSILON < cost)
      throw new BinanceError(400, -2010, "Account has insufficient balance for requested action.");

    const created: StubOrder = {
      orderId: this.nextOrderId++,
      clientOrderId: order.clientOrderId ?? `stub-${this.nextOrderId - 1}`,
      symbol: id,
      side: order.side,
      type: order.type,
      price: order.type === "LIMIT" ? price : 0,
      origQty: quantity,
      executedQty: 0,
      cummulativeQuoteQty: 0,
      status: "NEW",
      time: now,
      updateTime: now,
    };
    this.orders.push(created);
    if (order.type === "LIMIT") {
      funding.free -= cost;
      funding.locked += cost;
    }
    const marketable = order.type === "MARKET" || (order.side === "BUY" ? price >= last : price <= last);
    const fills = marketable ? [this.fill(created, order.type === "MARKET" ? last : price, now, false)] : [];
    if (order.type === "MARKET" && (created.status as OrderStatus) !== "FILLED") created.status = "EXPIRED"; // no more liquidity
    return { order: created, fills };
  }

  /** Fills resting limit orders against the candles that closed while the clock moved from → to. */
  advance(from: number, to: number): void {
    for (const order of this.orders) {
      if (order.type !== "LIMIT" || (order.status !== "NEW" && order.status !== "PARTIALLY_FILLED")) continue;
      const symbol = this.book.symbolFor(order.symbol);
      const candles = this.book.closedBetween(symbol, from, to);
      for (let i = 0; i < candles.time.length && (order.status as OrderStatus) !== "FILLED"; i++) {
        const touched =
          order.side === "BUY" ? candles.low[i]! <= order.price : candles.high[i]! >= order.price;
        if (touched) this.fill(order, order.price, candles.time[i]!, true);
      }
    }
  }

  cancel(order: StubOrder, now: number): StubOrder {
    if (order.status !== "NEW" && order.status !== "PARTIALLY_FILLED") {
      throw new BinanceError(400, -2011, "Unknown order sent.");
    }
    const [base, quote] = this.book.symbolFor(order.symbol).split("/") as [string, string];
    const remaining = order.origQty - order.executedQty;
    const funding = this.balance(order.side === "BUY" ? quote : base);
    const release = order.side === "BUY" ? remaining * order.price : remaining;
    funding.locked -= release;
    funding.free += release;
    order.status = "CANCELED";
    order.updateTime = now;
    return order;
  }

  find(symbol: string, orderId: string | null, clientOrderId: string | null): StubOrder | undefined {
    const id = binanceId(symbol);
    return this.orders.find(
      (o) =>
        o.symbol === id &&
        (orderId !== null ? o.orderId === Number(orderId) : o.clientOrderId === clientOrderId),
    );
  }

  private fill(order: StubOrder, price: number, time: number, isMaker: boolean): StubTrade {
    const [base, quote] = this.book.symbolFor(order.symbol).split("/") as [string, string];
    const remaining = order.origQty - order.executedQty;
    const rules = this.markets.get(this.book.symbolFor(order.symbol));
    const wanted =
      this.settings.partialFillRatio >= 1
        ? remaining
        : floorTo(remaining * this.settings.partialFillRatio, rules?.stepSize ?? "0.00001");
    const qty = wanted > EPSILON ? Math.min(wanted, remaining) : remaining;
    const buying = order.side === "BUY";
    const received = buying ? qty : qty * price;
    const commission = received * this.settings.feeRate;
    const paying = this.balance(buying ? quote : base);
    if (order.type === "LIMIT") {
      // Funds were locked at the limit price; a better fill price refunds the difference.
      paying.locked -= buying ? qty * order.price : qty;
      if (buying) paying.free += qty * (order.price - price);
    } else {
      paying.free -= buying ? qty * price : qty;
    }
    this.balance(buying ? base : quote).free += received - commission;
    order.executedQty += qty;
    order.cummulativeQuoteQty += qty * price;
    order.status = order.origQty - order.executedQty <= EPSILON ? "FILLED" : "PARTIALLY_FILLED";
    order.updateTime = time;
    const trade: StubTrade = {
      id: this.nextTradeId++,
      orderId: order.orderId,
      symbol: order.symbol,
      price,
      qty,
      commission,
      commissionAsset: buying ? base : quote,
      time,
      isBuyer: buying,
      isMaker,
    };
    this.trades.push(trade);
    return trade;
  }
}

function decimals(step: string): number {
  const dot = step.indexOf(".");
  return dot < 0 ? 0 : step.replace(/0+$/, "").length - dot - 1;
}

function floorTo(value: number, step: string): number {
  const factor = 10 ** decimals(step);
  return Math.floor(value * factor + 1e-9) / factor;
}

function isMultiple(value: number, step: string): boolean {
  const stepValue = Number(step);
  const ratio = value / stepValue;
  return Math.abs(ratio - Math.round(ratio)) < 1e-6;
}

function checkFilters(rules: StubMarket, price: number, quantity: number): void {
  if (!isMultiple(price, rules.tickSize ?? "0.01"))
    throw new BinanceError(400, -1013, "Filter failure: PRICE_FILTER");
  if (quantity < Number(rules.minQty ?? "0.00001") || !isMultiple(quantity, rules.stepSize ?? "0.00001")) {
    throw new BinanceError(400, -1013, "Filter failure: LOT_SIZE");
  }
  if (price * quantity < Number(rules.minNotional ?? "5"))
    throw new BinanceError(400, -1013, "Filter failure: NOTIONAL");
}
