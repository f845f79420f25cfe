import type { CandleColumns } from "../candle-columns.ts";

/** Trading rules of one stub market, as Binance publishes them in exchangeInfo filters. */
export interface StubMarket {
  /** ccxt unified symbol, e.g. BTC/USDT. */
  symbol: string;
  tickSize?: string;
  stepSize?: string;
  minQty?: string;
  minNotional?: string;
}

export type OrderSide = "BUY" | "SELL";
export type OrderType = "MARKET" | "LIMIT";
export type OrderStatus = "NEW" | "PARTIALLY_FILLED" | "FILLED" | "CANCELED" | "EXPIRED";

export interface StubTrade {
  id: number;
  orderId: number;
  symbol: string;
  price: number;
  qty: number;
  commission: number;
  commissionAsset: string;
  time: number;
  isBuyer: boolean;
  isMaker: boolean;
}

export interface StubOrder {
  orderId: number;
  clientOrderId: string;
  /** Binance id, e.g. BTCUSDT. */
  symbol: string;
  side: OrderSide;
  type: OrderType;
  price: number;
  origQty: number;
  executedQty: number;
  cummulativeQuoteQty: number;
  status: OrderStatus;
  time: number;
  updateTime: number;
}

export interface Balance {
  free: number;
  locked: number;
}

/** A fault the stub applies to the next matching requests. */
export interface FaultRule {
  /** HTTP status to answer (429, 418, 500, 502, 503, ...) or "hang" to never answer. */
  kind: number | "hang";
  /** How many matching requests get it. */
  remaining: number;
  /** Only requests whose path contains this (e.g. "/klines"); all when omitted. */
  path?: string;
}

export interface StubRequestLog {
  method: string;
  path: string;
  status: number | "hang";
}

export interface StubOptions {
  apiKey?: string;
  secret?: string;
  /** Markets with their candles per timeframe (finer ones are resampled for coarser requests). */
  candles?: Record<string, Record<string, CandleColumns>>;
  markets?: StubMarket[];
  /** Stub clock, epoch ms; only candles closed by now (plus the forming one) exist. */
  now?: number;
  balances?: Record<string, number>;
  /** Taker/maker commission rate, taken from the asset received. Default 0.001 (Binance spot). */
  feeRate?: number;
  latencyMs?: number;
  /** Fraction of the wanted quantity each fill opportunity fills (1 = full fills). */
  partialFillRatio?: number;
}
