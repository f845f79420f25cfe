import { lowerBound } from "../candle-columns.ts";
import { isTimeframe } from "../timeframes.ts";
import { BinanceError, binanceId, decimal, klineRow } from "./binance-format.ts";
import type { MarketBook } from "./market-book.ts";
import type { StubMarket } from "./types.ts";

export function exchangeInfo(book: MarketBook, markets: Map<string, StubMarket>, now: number) {
  return {
    timezone: "UTC",
    serverTime: now,
    rateLimits: [{ rateLimitType: "REQUEST_WEIGHT", interval: "MINUTE", intervalNum: 1, limit: 6000 }],
    exchangeFilters: [],
    symbols: book.symbols().map((symbol) => {
      const [base, quote] = symbol.split("/") as [string, string];
      const rules = markets.get(symbol) ?? { symbol };
      return {
        symbol: binanceId(symbol),
        status: "TRADING",
        baseAsset: base,
        baseAssetPrecision: 8,
        quoteAsset: quote,
        quotePrecision: 8,
        quoteAssetPrecision: 8,
        baseCommissionPrecision: 8,
        quoteCommissionPrecision: 8,
        orderTypes: ["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"],
        icebergAllowed: true,
        ocoAllowed: true,
        quoteOrderQtyMarketAllowed: true,
        allowTrailingStop: true,
        cancelReplaceAllowed: true,
        isSpotTradingAllowed: true,
        isMarginTradingAllowed: false,
        permissions: [],
        permissionSets: [["SPOT"]],
        defaultSelfTradePreventionMode: "EXPIRE_MAKER",
        allowedSelfTradePreventionModes: ["EXPIRE_MAKER"],
        filters: [
          {
            filterType: "PRICE_FILTER",
            minPrice: rules.tickSize ?? "0.01",
            maxPrice: "1000000.00",
            tickSize: rules.tickSize ?? "0.01",
          },
          {
            filterType: "LOT_SIZE",
            minQty: rules.minQty ?? "0.00001",
            maxQty: "9000.00000000",
            stepSize: rules.stepSize ?? "0.00001",
          },
          {
            filterType: "NOTIONAL",
            minNotional: rules.minNotional ?? "5.00000000",
            applyMinToMarket: true,
            maxNotional: "9000000.00000000",
            applyMaxToMarket: false,
            avgPriceMins: 5,
          },
        ],
      };
    }),
  };
}

/** GET /api/v3/klines like Binance: startTime/endTime/limit (default 500, max 1000), forming candle last. */
export function klines(book: MarketBook, params: URLSearchParams, now: number) {
  const symbol = book.symbolFor(params.get("symbol"));
  const interval = params.get("interval") ?? "";
  if (!isTimeframe(interval)) throw new BinanceError(400, -1120, "Invalid interval.");
  const limit = Math.min(Number(params.get("limit") ?? 500), 1000);
  if (!Number.isInteger(limit) || limit < 1)
    throw new BinanceError(400, -1100, "Illegal characters found in parameter 'limit'.");
  const startTime = params.has("startTime") ? Number(params.get("startTime")) : undefined;
  const endTime = Math.min(params.has("endTime") ? Number(params.get("endTime")) : now, now);
  const { candles, intervalMs } = book.seriesFor(symbol, interval);
  const rows: (number | string)[][] = [];
  const first = startTime === undefined ? 0 : lowerBound(candles.time, startTime);
  const lastClosed = lowerBound(candles.time, Math.min(endTime + 1, now - intervalMs + 1)); // exclusive
  for (let i = first; i < lastClosed; i++) rows.push(klineRow(candles, i, intervalMs));
  const forming = book.formingCandle(symbol, interval, now);
  if (
    forming.time.length === 1 &&
    forming.time[0]! <= endTime &&
    (startTime === undefined || forming.time[0]! >= startTime)
  ) {
    rows.push(klineRow(forming, 0, intervalMs));
  }
  return startTime === undefined ? rows.slice(-limit) : rows.slice(0, limit);
}

/** GET /api/v3/ticker/24hr (one symbol) from the finest candles of the last 24 hours. */
export function ticker24hr(book: MarketBook, params: URLSearchParams, now: number) {
  const symbol = book.symbolFor(params.get("symbol"));
  const day = book.closedBetween(symbol, now - 86_400_000, now);
  const last = book.lastPrice(symbol, now);
  const open = day.open[0] ?? last;
  const volume = day.volume.reduce((a, b) => a + b, 0);
  return {
    symbol: binanceId(symbol),
    priceChange: decimal(last - open),
    priceChangePercent: decimal(((last - open) / open) * 100, 3),
    weightedAvgPrice: decimal(last),
    prevClosePrice: decimal(open),
    lastPrice: decimal(last),
    lastQty: "0.00000000",
    bidPrice: decimal(last),
    bidQty: "0.00000000",
    askPrice: decimal(last),
    askQty: "0.00000000",
    openPrice: decimal(open),
    highPrice: decimal(day.high.length ? Math.max(...day.high) : last),
    lowPrice: decimal(day.low.length ? Math.min(...day.low) : last),
    volume: decimal(volume),
    quoteVolume: decimal(volume * last),
    openTime: now - 86_400_000,
    closeTime: now,
    firstId: -1,
    lastId: -1,
    count: 0,
  };
}

export function tickerPrice(book: MarketBook, params: URLSearchParams, now: number) {
  const symbol = book.symbolFor(params.get("symbol"));
  return { symbol: binanceId(symbol), price: decimal(book.lastPrice(symbol, now)) };
}
