import { BinanceError, decimal, orderJson, tradeJson } from "./binance-format.ts";
import type { MarketBook } from "./market-book.ts";
import type { TradingDesk } from "./trading-desk.ts";
import type { OrderSide, OrderType } from "./types.ts";

type Handler = (params: URLSearchParams, now: number) => unknown;

/** Signed Binance spot account endpoints, keyed by "METHOD path". */
export function accountEndpoints(book: MarketBook, desk: TradingDesk): Record<string, Handler> {
  const orderFor = (params: URLSearchParams) => {
    const symbol = book.symbolFor(params.get("symbol"));
    const orderId = params.get("orderId");
    const clientId = params.get("origClientOrderId");
    if (orderId === null && clientId === null) {
      throw new BinanceError(
        400,
        -1102,
        "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!",
      );
    }
    return { symbol, order: desk.find(symbol, orderId, clientId) };
  };
  const open = (o: { status: string }) => o.status === "NEW" || o.status === "PARTIALLY_FILLED";
  const optionalSymbol = (params: URLSearchParams) =>
    params.has("symbol") ? book.symbolFor(params.get("symbol")).replace("/", "") : undefined;

  return {
    "GET /api/v3/account": (_params, now) => ({
      makerCommission: desk.settings.feeRate * 10_000,
      takerCommission: desk.settings.feeRate * 10_000,
      canTrade: true,
      canWithdraw: false,
      canDeposit: false,
      updateTime: now,
      accountType: "SPOT",
      balances: [...desk.balances.entries()].map(([asset, b]) => ({
        asset,
        free: decimal(b.free),
        locked: decimal(b.locked),
      })),
      permissions: ["SPOT"],
    }),
    "POST /api/v3/order": (params, now) => {
      const symbol = book.symbolFor(params.get("symbol"));
      const side = params.get("side") as OrderSide;
      const type = params.get("type") as OrderType;
      if (side !== "BUY" && side !== "SELL")
        throw new BinanceError(
          400,
          -1102,
          "Mandatory parameter 'side' was not sent, was empty/null, or malformed.",
        );
      if (type !== "MARKET" && type !== "LIMIT") throw new BinanceError(400, -1116, "Invalid orderType.");
      const number = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
      const placed = desk.place(
        {
          symbol,
          side,
          type,
          quantity: number("quantity"),
          quoteOrderQty: number("quoteOrderQty"),
          price: number("price"),
          clientOrderId: params.get("newClientOrderId") ?? undefined,
        },
        now,
      );
      return orderJson(placed.order, params.get("newOrderRespType") === "FULL" ? placed.fills : undefined);
    },
    "GET /api/v3/order": (params) => {
      const { order } = orderFor(params);
      if (!order) throw new BinanceError(400, -2013, "Order does not exist.");
      return orderJson(order);
    },
    "DELETE /api/v3/order": (params, now) => {
      const { order } = orderFor(params);
      if (!order) throw new BinanceError(400, -2011, "Unknown order sent.");
      return orderJson(desk.cancel(order, now));
    },
    "GET /api/v3/openOrders": (params) => {
      const id = optionalSymbol(params);
      return desk.orders
        .filter((o) => open(o) && (id === undefined || o.symbol === id))
        .map((o) => orderJson(o));
    },
    "DELETE /api/v3/openOrders": (params, now) => {
      const id = optionalSymbol(params);
      return desk.orders.filter((o) => open(o) && o.symbol === id).map((o) => orderJson(desk.cancel(o, now)));
    },
    "GET /api/v3/allOrders": (params) => {
      const id = optionalSymbol(params);
      return desk.orders.filter((o) => o.symbol === id).map((o) => orderJson(o));
    },
    "GET /api/v3/myTrades": (params) => {
      const id = optionalSymbol(params);
      const orderId = params.get("orderId");
      return desk.trades
        .filter((t) => t.symbol === id && (orderId === null || t.orderId === Number(orderId)))
        .map(tradeJson);
    },
  };
}
