import ccxt from "ccxt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sliceColumns } from "../src/candle-columns.ts";
import { type ExchangeStub, startExchangeStub } from "../src/exchange-stub/index.ts";
import { resample } from "../src/resample.ts";
import { bundledColumns } from "./helpers.ts";

let stub: ExchangeStub;
let exchange: InstanceType<typeof ccxt.binance>;
let minutes: Awaited<ReturnType<typeof bundledColumns>>;
const start = Date.UTC(2025, 4, 20);
const now = Date.UTC(2025, 4, 21, 12, 30, 30);

beforeAll(async () => {
  minutes = sliceColumns(await bundledColumns("BTC/USDT", "1m"), 0, 3 * 1440); // first 3 real days
  stub = await startExchangeStub({
    candles: { "BTC/USDT": { "1m": minutes } },
    now,
    balances: { USDT: 10_000, BTC: 0 },
  });
  exchange = new ccxt.binance({ ...stub.ccxtConfig(), timeout: 2000 });
});
afterAll(async () => {
  await stub?.stop();
});

const indexOf = (time: number) => (time - start) / 60_000;

describe("exchange stub answering real ccxt", () => {
  it("serves server time and markets with Binance filters", async () => {
    expect(await exchange.fetchTime()).toBe(now);
    const markets = await exchange.loadMarkets();
    expect(markets["BTC/USDT"]).toMatchObject({
      spot: true,
      precision: { price: 0.01, amount: 0.00001 },
      limits: { cost: { min: 5 } },
    });
    expect(stub.requests.map((r) => r.path)).toEqual(["/api/v3/time", "/api/v3/exchangeInfo"]);
  });

  it("serves the loaded real 1m candles, closed ones only plus the forming one", async () => {
    const since = Date.UTC(2025, 4, 21, 12, 25);
    const rows = await exchange.fetchOHLCV("BTC/USDT", "1m", since, 100);
    expect(rows.length).toBe(6); // 12:25..12:29 closed, 12:30 forming
    const i = indexOf(since);
    expect(rows[0]).toEqual([
      since,
      minutes.open[i],
      minutes.high[i],
      minutes.low[i],
      minutes.close[i],
      minutes.volume[i],
    ]);
    const forming = rows[5]!;
    expect(forming[0]).toBe(Date.UTC(2025, 4, 21, 12, 30));
    expect(forming.slice(1)).toEqual([
      minutes.open[i + 5],
      minutes.open[i + 5],
      minutes.open[i + 5],
      minutes.open[i + 5],
      0,
    ]);
  });

  it("builds higher timeframes from the real minutes, the forming hour from closed minutes only", async () => {
    const rows = await exchange.fetchOHLCV("BTC/USDT", "1h", Date.UTC(2025, 4, 21, 10), 10);
    const hours = resample(minutes, "1m", "1h").candles;
    const h10 = (Date.UTC(2025, 4, 21, 10) - start) / 3_600_000;
    expect(rows[0]).toEqual([
      hours.time[h10],
      hours.open[h10],
      hours.high[h10],
      hours.low[h10],
      hours.close[h10],
      hours.volume[h10],
    ]);
    expect(rows.length).toBe(3);
    const first = indexOf(Date.UTC(2025, 4, 21, 12));
    const closedMinutes = minutes.high.subarray(first, first + 30);
    expect(rows[2]![2]).toBe(Math.max(...closedMinutes));
    expect(rows[2]![4]).toBe(minutes.close[first + 29]);
  });

  it("honours limit without startTime (latest candles) and endTime", async () => {
    const latest = await exchange.fetchOHLCV("BTC/USDT", "1m", undefined, 3);
    expect(latest.map((r) => r[0])).toEqual([
      Date.UTC(2025, 4, 21, 12, 28),
      Date.UTC(2025, 4, 21, 12, 29),
      Date.UTC(2025, 4, 21, 12, 30),
    ]);
    const until = await exchange.fetchOHLCV("BTC/USDT", "1m", start, 1000, { until: start + 120_000 });
    expect(until.map((r) => r[0])).toEqual([start, start + 60_000, start + 120_000]);
  });

  it("verifies signatures like Binance", async () => {
    const balance = await exchange.fetchBalance();
    expect(balance["USDT"]).toMatchObject({ free: 10_000, used: 0 });
    const forged = new ccxt.binance({ ...stub.ccxtConfig(), secret: "wrong" });
    await expect(forged.fetchBalance()).rejects.toThrow(ccxt.AuthenticationError);
    const unknownKey = new ccxt.binance({ ...stub.ccxtConfig(), apiKey: "nobody" });
    await expect(unknownKey.fetchBalance()).rejects.toThrow(/Invalid API-key/);
  });

  it("fills a market order at the last real close and charges the commission", async () => {
    const last = minutes.close[indexOf(Date.UTC(2025, 4, 21, 12, 29))]!;
    const order = await exchange.createOrder("BTC/USDT", "market", "buy", 0.01);
    expect(order).toMatchObject({ status: "closed", filled: 0.01, average: last });
    const balances = stub.balances();
    expect(balances["BTC"]!.free).toBeCloseTo(0.01 * 0.999, 12);
    expect(balances["USDT"]!.free).toBeCloseTo(10_000 - 0.01 * last, 8);
    const trades = await exchange.fetchMyTrades("BTC/USDT");
    expect(trades.map((t) => [t.price, t.amount, t.fee?.currency])).toEqual([[last, 0.01, "BTC"]]);
    expect(trades[0]?.fee?.cost).toBeCloseTo(0.00001, 12);
  });

  it("buys for a quote amount (quoteOrderQty), rounded down to the lot step", async () => {
    const last = minutes.close[indexOf(Date.UTC(2025, 4, 21, 12, 29))]!;
    stub.latencyMs = 20; // slower answers change nothing but the wait
    try {
      const order = await exchange.createMarketBuyOrderWithCost("BTC/USDT", 50);
      expect(order).toMatchObject({ status: "closed", filled: Math.floor((50 / last) * 1e5) / 1e5 });
    } finally {
      stub.latencyMs = 0;
    }
  });

  it("rests a limit order and fills it when a later real candle trades through it", async () => {
    const from = indexOf(Date.UTC(2025, 4, 21, 12, 30));
    const nextHourLow = Math.min(...minutes.low.subarray(from, from + 60));
    const price = Math.ceil(nextHourLow * 100) / 100;
    const order = await exchange.createOrder("BTC/USDT", "limit", "buy", 0.001, price, {
      clientOrderId: "dip-1",
    });
    expect(order.status).toBe("open");
    expect((await exchange.fetchOpenOrders("BTC/USDT")).map((o) => o.clientOrderId)).toEqual(["dip-1"]);
    expect(stub.balances()["USDT"]!.locked).toBeCloseTo(0.001 * price, 8);
    stub.advance(3_600_000);
    const filled = await exchange.fetchOrder(order.id!, "BTC/USDT");
    expect(filled).toMatchObject({ status: "closed", filled: 0.001, price });
    expect(stub.balances()["USDT"]!.locked).toBeCloseTo(0, 8);
  });

  it("rejects a duplicate client order id like Binance (-2010)", async () => {
    const far = Math.round(minutes.close[0]! / 2);
    await exchange.createOrder("BTC/USDT", "limit", "buy", 0.001, far, { clientOrderId: "once" });
    const again = exchange.createOrder("BTC/USDT", "limit", "buy", 0.001, far, { clientOrderId: "once" });
    await expect(again).rejects.toThrow(ccxt.InvalidOrder);
    await expect(again).rejects.toThrow(/Duplicate order sent\./);
    expect(stub.orders().filter((o) => o.clientOrderId === "once").length).toBe(1);
  });

  it("queries by client order id and cancels", async () => {
    const byClient = await exchange.fetchOrder("", "BTC/USDT", { origClientOrderId: "once" });
    expect(byClient).toMatchObject({ clientOrderId: "once", status: "open" });
    const canceled = await exchange.cancelOrder(byClient.id!, "BTC/USDT");
    expect(canceled.status).toBe("canceled");
    await expect(exchange.cancelOrder(byClient.id!, "BTC/USDT")).rejects.toThrow(/Unknown order sent/);
    await expect(exchange.fetchOrder("999999", "BTC/USDT")).rejects.toThrow(ccxt.OrderNotFound);
  });

  it("rejects orders that break the filters or the balance", async () => {
    await expect(exchange.createOrder("BTC/USDT", "market", "buy", 0.00001)).rejects.toThrow(/NOTIONAL/);
    await expect(exchange.createOrder("BTC/USDT", "market", "buy", 5)).rejects.toThrow(
      ccxt.InsufficientFunds,
    );
  });

  it("partially fills when told to", async () => {
    stub.partialFillRatio = 0.5;
    try {
      const order = await exchange.createOrder("BTC/USDT", "market", "sell", 0.004);
      expect(order).toMatchObject({ status: "expired", filled: 0.002, remaining: 0.002 });
    } finally {
      stub.partialFillRatio = 1;
    }
  });

  it("injects rate limits, server errors, timeouts and outages", async () => {
    stub.failNext(429, 1, "/klines");
    await expect(exchange.fetchOHLCV("BTC/USDT", "1m", start, 2)).rejects.toThrow(ccxt.DDoSProtection);
    stub.failNext(418);
    await expect(exchange.fetchTime()).rejects.toThrow(ccxt.DDoSProtection);
    stub.failNext(503);
    await expect(exchange.fetchTime()).rejects.toThrow(ccxt.ExchangeNotAvailable);
    stub.failNext(500);
    await expect(exchange.fetchTime()).rejects.toThrow(ccxt.NetworkError);
    stub.hangNext(1);
    const impatient = new ccxt.binance({ ...stub.ccxtConfig(), timeout: 300 });
    await expect(impatient.fetchTime()).rejects.toThrow(ccxt.RequestTimeout);
    stub.setDown(502);
    await expect(exchange.fetchTime()).rejects.toThrow(ccxt.ExchangeNotAvailable);
    stub.setDown(null);
    expect(await exchange.fetchTime()).toBe(stub.now);
    expect(stub.requests.slice(-7).map((r) => r.status)).toEqual([429, 418, 503, 500, "hang", 502, 200]);
  });
});
