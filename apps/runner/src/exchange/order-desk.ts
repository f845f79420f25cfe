import type { PrismaClient } from "@tradegraph/db";
import type { Exchange } from "@tradegraph/market-data";
import ccxt from "ccxt";
import type { SharedRateLimiter } from "../rate-limit/token-bucket.ts";
import { isDuplicateOrder, isTransient, type RetryOptions, withRetry } from "./retry.ts";

type CcxtOrder = Awaited<ReturnType<Exchange["fetchOrder"]>>;
type CcxtTrade = Awaited<ReturnType<Exchange["fetchOrderTrades"]>>[number];

export interface OrderIntent {
  clientOrderId: string;
  symbol: string;
  side: "buy" | "sell";
  type: "market" | "limit";
  quantity: number;
  price?: number;
  /** Open time of the closed bar whose evaluation produced the intent. */
  barTime: number;
  /** entry, stopLoss, takeProfit, signalExit, emergencyStop, ... */
  reason: string;
}

/** What the exchange says about one of our orders, as recorded in PostgreSQL. */
export interface OrderState {
  clientOrderId: string;
  exchangeOrderId: string | null;
  status: "pending" | "open" | "partially_filled" | "filled" | "cancelled" | "rejected" | "expired";
  filledQuantity: number;
  averagePrice: number | null;
  fills: { id: string; quantity: number; price: number; fee: number; feeCurrency: string; time: number }[];
}

export interface OrderDeskOptions {
  prisma: PrismaClient;
  exchange: Exchange;
  deploymentId: string;
  /** Shared per API key across every runner process; each ccxt call takes one token. */
  limiter?: { limiter: SharedRateLimiter; apiKeyId: string };
  retry?: RetryOptions;
  /** Test hook: called right after the exchange accepted an order, before anything is recorded. */
  afterSend?: (clientOrderId: string) => void;
}

const LIVE = ["pending", "open", "partially_filled"] as const;

/**
 * Sends orders so none is ever lost or doubled: the Order row (status `pending`) is written before the
 * request; the request carries the deterministic client order id; a transient failure is followed by a
 * look-up by that id before any resend; a duplicate-id rejection means "already placed"; what the exchange
 * says (status, fills) is written before the caller decides anything else.
 */
export class OrderDesk {
  constructor(readonly options: OrderDeskOptions) {}

  /** Places the order once (or finds it placed) and returns its recorded state. */
  async place(intent: OrderIntent): Promise<OrderState> {
    const { prisma, deploymentId } = this.options;
    const existing = await prisma.order.findUnique({ where: { clientOrderId: intent.clientOrderId } });
    if (existing && existing.status !== "pending") return this.sync(intent.clientOrderId, intent.symbol);
    if (!existing) {
      await prisma.order.create({
        data: {
          deploymentId,
          clientOrderId: intent.clientOrderId,
          symbol: intent.symbol,
          side: intent.side,
          type: intent.type,
          quantity: intent.quantity,
          ...(intent.price !== undefined ? { price: intent.price } : {}),
          status: "pending",
          barTime: new Date(intent.barTime),
          reason: intent.reason,
        },
      });
    }
    // A pending row from an earlier attempt: the order may already be on the exchange.
    const found = existing ? await this.lookUp(intent.clientOrderId, intent.symbol) : undefined;
    if (found) return this.record(found);
    let sent: CcxtOrder | undefined;
    try {
      sent = await this.send(intent);
    } catch (error) {
      if (isTransient(error) || isDuplicateOrder(error)) throw error;
      await prisma.order.update({
        where: { clientOrderId: intent.clientOrderId },
        data: { status: "rejected", error: (error as Error).message.slice(0, 500) },
      });
      throw error;
    }
    this.options.afterSend?.(intent.clientOrderId);
    return this.record(sent);
  }

  /** Reads the order's current state (status, fills) from the exchange and records it. */
  async sync(clientOrderId: string, symbol: string): Promise<OrderState> {
    const found = await this.lookUp(clientOrderId, symbol);
    if (!found) return this.recorded(clientOrderId);
    return this.record(found);
  }

  /**
   * On start and after a reconnect: every order we have not seen finished is looked up on the exchange. A
   * pending row the exchange never received is marked `expired` (its bar has passed; the strategy decides
   * again on the next bar).
   */
  async reconcile(): Promise<OrderState[]> {
    const { prisma, deploymentId } = this.options;
    const rows = await prisma.order.findMany({
      where: { deploymentId, status: { in: [...LIVE] } },
      orderBy: { createdAt: "asc" },
    });
    const states: OrderState[] = [];
    for (const row of rows) {
      const found = await this.lookUp(row.clientOrderId, row.symbol);
      if (found) states.push(await this.record(found));
      else if (row.status === "pending") {
        await prisma.order.update({
          where: { clientOrderId: row.clientOrderId },
          data: { status: "expired", error: "never reached the exchange (found missing on reconcile)" },
        });
        states.push(await this.recorded(row.clientOrderId));
      } else states.push(await this.recorded(row.clientOrderId));
    }
    return states;
  }

  /** Cancels a resting order (already gone is fine) and records its final state. */
  async cancel(clientOrderId: string, symbol: string): Promise<OrderState> {
    try {
      await this.call(() =>
        this.options.exchange.cancelOrder("", symbol, { origClientOrderId: clientOrderId }),
      );
    } catch (error) {
      if (!(error instanceof ccxt.OrderNotFound) && !(error instanceof ccxt.OperationRejected)) throw error;
    }
    return this.sync(clientOrderId, symbol);
  }

  private async send(intent: OrderIntent): Promise<CcxtOrder> {
    const { exchange } = this.options;
    const attempts = this.options.retry?.attempts ?? 6;
    let delay = this.options.retry?.baseDelayMs ?? 200;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.takeToken();
        return await exchange.createOrder(
          intent.symbol,
          intent.type,
          intent.side,
          intent.quantity,
          intent.price,
          {
            newClientOrderId: intent.clientOrderId,
            newOrderRespType: "FULL",
          },
        );
      } catch (error) {
        if (isDuplicateOrder(error)) {
          const found = await this.lookUp(intent.clientOrderId, intent.symbol);
          if (found) return found;
          throw error;
        }
        if (!isTransient(error) || attempt >= attempts) throw error;
        // The request may have arrived even though the answer did not: ask before sending again.
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay *= 2;
        const found = await this.lookUp(intent.clientOrderId, intent.symbol);
        if (found) return found;
      }
    }
  }

  /** The exchange's order with this client order id, or undefined when it has none. */
  private async lookUp(clientOrderId: string, symbol: string): Promise<CcxtOrder | undefined> {
    try {
      return await this.call(() =>
        this.options.exchange.fetchOrder("", symbol, { origClientOrderId: clientOrderId }),
      );
    } catch (error) {
      if (error instanceof ccxt.OrderNotFound) return undefined;
      throw error;
    }
  }

  /** Writes status and every fill of the exchange order (idempotent: fills upsert by trade id). */
  private async record(order: CcxtOrder): Promise<OrderState> {
    const { prisma, deploymentId } = this.options;
    const { clientOrderId, id } = order;
    if (!clientOrderId || !id)
      throw new Error(`Exchange order ${id} came back without an order id or client order id.`);
    const filled = order.filled ?? 0;
    const row = await prisma.order.findUniqueOrThrow({ where: { clientOrderId } });
    const trades: CcxtTrade[] =
      filled > 0 ? await this.call(() => this.options.exchange.fetchOrderTrades(id, row.symbol)) : [];
    await prisma.$transaction([
      ...trades.map((t) =>
        prisma.fill.upsert({
          where: { orderId_exchangeTradeId: { orderId: row.id, exchangeTradeId: String(t.id) } },
          update: {},
          create: {
            orderId: row.id,
            deploymentId,
            exchangeTradeId: String(t.id),
            symbol: row.symbol,
            side: row.side,
            quantity: t.amount ?? 0,
            price: t.price ?? 0,
            fee: t.fee?.cost ?? 0,
            feeCurrency: t.fee?.currency ?? "",
            time: new Date(t.timestamp ?? Date.now()),
          },
        }),
      ),
      prisma.order.update({
        where: { clientOrderId },
        data: {
          exchangeOrderId: id,
          status: statusOf(order),
          filledQuantity: filled,
          ...(order.average !== undefined && filled > 0 ? { averagePrice: order.average } : {}),
        },
      }),
    ]);
    return this.recorded(clientOrderId);
  }

  /** The recorded state of one order (what the database says). */
  async recorded(clientOrderId: string): Promise<OrderState> {
    const row = await this.options.prisma.order.findUniqueOrThrow({
      where: { clientOrderId },
      include: { fills: { orderBy: { time: "asc" } } },
    });
    return {
      clientOrderId,
      exchangeOrderId: row.exchangeOrderId,
      status: row.status,
      filledQuantity: Number(row.filledQuantity),
      averagePrice: row.averagePrice === null ? null : Number(row.averagePrice),
      fills: row.fills.map((f) => ({
        id: f.exchangeTradeId,
        quantity: Number(f.quantity),
        price: Number(f.price),
        fee: Number(f.fee),
        feeCurrency: f.feeCurrency,
        time: f.time.getTime(),
      })),
    };
  }

  /** One rate-limited ccxt call, retried after transient errors (reads only: they are safe to repeat). */
  call<T>(request: () => Promise<T>): Promise<T> {
    return withRetry(async () => {
      await this.takeToken();
      return request();
    }, this.options.retry);
  }

  private async takeToken(): Promise<void> {
    const limiter = this.options.limiter;
    if (limiter) await limiter.limiter.take(limiter.apiKeyId);
  }
}

function statusOf(order: CcxtOrder): OrderState["status"] {
  const filled = order.filled ?? 0;
  switch (order.status) {
    case "closed":
      return "filled";
    case "canceled":
      return "cancelled";
    case "expired":
      // No more will fill (a market order that ran out of liquidity); filledQuantity keeps what did.
      return "expired";
    case "rejected":
      return "rejected";
    default:
      return filled > 0 ? "partially_filled" : "open";
  }
}
