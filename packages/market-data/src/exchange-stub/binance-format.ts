import type { CandleColumns } from "../candle-columns.ts";
import type { StubOrder, StubTrade } from "./types.ts";

/** Binance ids drop the slash: BTC/USDT → BTCUSDT. */
export function binanceId(symbol: string): string {
  return symbol.replace("/", "");
}

/** Decimal text like Binance prints it ("0.00100000"). */
export function decimal(value: number, places = 8): string {
  return value.toFixed(places);
}

export function klineRow(candles: CandleColumns, i: number, intervalMs: number): (number | string)[] {
  const open = candles.time[i]!;
  const volume = candles.volume[i]!;
  const close = candles.close[i]!;
  // Quote volume and trade counts are not in our candle files: derived (volume × close) and 0, never random.
  return [
    open,
    String(candles.open[i]),
    String(candles.high[i]),
    String(candles.low[i]),
    String(close),
    String(volume),
    open + intervalMs - 1,
    decimal(volume * close),
    0,
    "0",
    "0",
    "0",
  ];
}

export function orderJson(order: StubOrder, trades?: StubTrade[]) {
  return {
    symbol: order.symbol,
    orderId: order.orderId,
    orderListId: -1,
    clientOrderId: order.clientOrderId,
    transactTime: order.time,
    time: order.time,
    updateTime: order.updateTime,
    workingTime: order.time,
    price: decimal(order.price),
    origQty: decimal(order.origQty),
    executedQty: decimal(order.executedQty),
    cummulativeQuoteQty: decimal(order.cummulativeQuoteQty),
    status: order.status,
    timeInForce: "GTC",
    type: order.type,
    side: order.side,
    isWorking: order.status === "NEW" || order.status === "PARTIALLY_FILLED",
    origQuoteOrderQty: "0.00000000",
    selfTradePreventionMode: "EXPIRE_MAKER",
    ...(trades
      ? {
          fills: trades.map((t) => ({
            price: decimal(t.price),
            qty: decimal(t.qty),
            commission: decimal(t.commission),
            commissionAsset: t.commissionAsset,
            tradeId: t.id,
          })),
        }
      : {}),
  };
}

export function tradeJson(trade: StubTrade) {
  return {
    symbol: trade.symbol,
    id: trade.id,
    orderId: trade.orderId,
    orderListId: -1,
    price: decimal(trade.price),
    qty: decimal(trade.qty),
    quoteQty: decimal(trade.price * trade.qty),
    commission: decimal(trade.commission),
    commissionAsset: trade.commissionAsset,
    time: trade.time,
    isBuyer: trade.isBuyer,
    isMaker: trade.isMaker,
    isBestMatch: true,
  };
}

export class BinanceError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
