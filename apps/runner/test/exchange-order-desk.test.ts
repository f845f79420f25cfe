import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { bundledFile, createExchange, readCandleFile } from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import type { CandleColumns } from "@tradegraph/nodes";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientOrderId } from "../src/deployments/client-order-id.ts";
import { OrderDesk, type OrderIntent } from "../src/exchange/order-desk.ts";
import { SharedRateLimiter } from "../src/rate-limit/token-bucket.ts";

const MINUTE = 60_000;
const start = Date.UTC(2025, 6, 1);

describe("the order desk sends each order exactly once (real ccxt against the exchange stub, PostgreSQL, Redis)", () => {
  let db: TestDatabase;
  let stub: ExchangeStub;
  let redis: Redis;
  let minutes: CandleColumns;
  let deploymentId: string;
  let desk: OrderDesk;
  const prefix = `tg-test-desk-${process.pid}-${Date.now()}`;
  let bar = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    const parsed = await readCandleFile(bundledFile("BTC/USDT", "1m").path, { timeframe: "1m" });
    if (!parsed.ok) throw new Error("bundled 1m candles do not parse");
    const all = parsed.candles as CandleColumns;
    const from = all.time.indexOf(start);
    const pick = (c: Float64Array) => c.slice(from, from + 120);
    minutes = {
      time: pick(all.time),
      open: pick(all.open),
      high: pick(all.high),
      low: pick(all.low),
      close: pick(all.close),
      volume: pick(all.volume),
    };
    const user = await db.prisma.user.create({ data: { email: "desk@example.test", passwordHash: "x" } });
    const strategy = await db.prisma.strategy.create({
      data: { ownerId: user.id, name: "desk", latestVersion: 1 },
    });
    const version = await db.prisma.strategyVersion.create({
      data: { strategyId: strategy.id, number: 1, graph: {}, message: "v1" },
    });
    const deployment = await db.prisma.deployment.create({
      data: {
        ownerId: user.id,
        strategyVersionId: version.id,
        mode: "testnet",
        symbols: ["BTC/USDT"],
        timeframe: "1m",
        riskLimits: {},
      },
    });
    deploymentId = deployment.id;
  });
  beforeEach(async () => {
    await stub?.stop();
    stub = await startExchangeStub({
      candles: { "BTC/USDT": { "1m": minutes } },
      now: start + 30 * MINUTE + 15_000,
      balances: { USDT: 10_000, BTC: 0 },
    });
    const exchange = createExchange("binance", { ...stub.ccxtConfig(), timeout: 400 });
    desk = new OrderDesk({
      prisma: db.prisma,
      exchange,
      deploymentId,
      limiter: {
        limiter: new SharedRateLimiter(redis, prefix, { capacity: 50, perSecond: 200 }),
        apiKeyId: "stub-key",
      },
      retry: { attempts: 6, baseDelayMs: 20 },
    });
  });
  afterAll(async () => {
    await stub?.stop();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await db?.drop();
  });

  const intent = (over: Partial<OrderIntent> = {}): OrderIntent => {
    bar++;
    return {
      clientOrderId: clientOrderId(deploymentId, start + bar * MINUTE, "order-node"),
      symbol: "BTC/USDT",
      side: "buy",
      type: "market",
      quantity: 0.01,
      barTime: start + bar * MINUTE,
      reason: "entry",
      ...over,
    };
  };
  const lastClose = () => minutes.close[29]!;

  it("a market order fills at the stub's last real close, fills are recorded, and placing it again sends nothing", async () => {
    const order = intent();
    const state = await desk.place(order);
    expect(state.status).toBe("filled");
    expect(state.filledQuantity).toBeCloseTo(0.01, 10);
    expect(state.fills).toHaveLength(1);
    expect(state.fills[0]!.price).toBe(lastClose());
    expect(state.fills[0]!.fee).toBeCloseTo(0.01 * 0.001, 12);
    const again = await desk.place(order);
    expect(again).toEqual(state);
    expect(stub.orders().filter((o) => o.clientOrderId === order.clientOrderId)).toHaveLength(1);
    expect(stub.requests.filter((r) => r.method === "POST").length).toBe(1);
  });

  it("429s and 5xx on the order request are retried into exactly one order", async () => {
    stub.failNext(429, 2, "/api/v3/order");
    stub.failNext(503, 1, "/api/v3/order");
    stub.failNext(500, 1, "/api/v3/order");
    const order = intent();
    const state = await desk.place(order);
    expect(state.status).toBe("filled");
    expect(stub.orders().filter((o) => o.clientOrderId === order.clientOrderId)).toHaveLength(1);
    expect(
      stub.requests.filter((r) => r.status === 429 || r.status === 503 || r.status === 500),
    ).toHaveLength(4);
  });

  it("a timed-out request is looked up by client order id before it is sent again: one order", async () => {
    stub.hangNext(1, "/api/v3/order");
    const order = intent();
    const state = await desk.place(order);
    expect(state.status).toBe("filled");
    expect(stub.orders().filter((o) => o.clientOrderId === order.clientOrderId)).toHaveLength(1);
    expect(stub.requests.some((r) => r.status === "hang")).toBe(true);
  });

  it("an order the exchange already has (answer lost) is found through the duplicate-id rejection, not doubled", async () => {
    const order = intent();
    const raw = createExchange("binance", stub.ccxtConfig());
    await raw.createOrder("BTC/USDT", "market", "buy", 0.01, undefined, {
      newClientOrderId: order.clientOrderId,
    });
    const state = await desk.place(order);
    expect(state.status).toBe("filled");
    expect(stub.requests.filter((r) => r.method === "POST").map((r) => r.status)).toEqual([200, 400]);
    expect(stub.orders().filter((o) => o.clientOrderId === order.clientOrderId)).toHaveLength(1);
  });

  it("a pending row whose order reached the exchange (process died before recording) is completed on reconcile", async () => {
    const order = intent();
    // The order reaches the exchange but our process never hears back: the row stays pending.
    const raw = createExchange("binance", stub.ccxtConfig());
    await raw.createOrder("BTC/USDT", "market", "buy", 0.01, undefined, {
      newClientOrderId: order.clientOrderId,
    });
    await db.prisma.order.create({
      data: {
        deploymentId,
        clientOrderId: order.clientOrderId,
        symbol: order.symbol,
        side: "buy",
        type: "market",
        quantity: 0.01,
        status: "pending",
        barTime: new Date(order.barTime),
        reason: "entry",
      },
    });
    const [reconciled] = await desk.reconcile();
    expect(reconciled?.clientOrderId).toBe(order.clientOrderId);
    expect(reconciled?.status).toBe("filled");
    expect(await desk.place(order)).toEqual(reconciled);
    expect(stub.orders().filter((o) => o.clientOrderId === order.clientOrderId)).toHaveLength(1);
  });

  it("a limit order filling in parts is tracked until it is complete, every part recorded once", async () => {
    stub.partialFillRatio = 0.5;
    // Just under the last close: resting, and touched by many of the following real candles.
    const price = Math.round(lastClose() * 100 - 1) / 100;
    const order = intent({ type: "limit", price, quantity: 0.002 });
    const first = await desk.place(order);
    expect(first.status).toBe("open");
    let state = first;
    for (let k = 0; k < 85 && state.status !== "filled"; k++) {
      stub.advance(MINUTE);
      // After two partial fills the rest fills at once (the stub halves the rest on every touch).
      if (state.fills.length >= 2) stub.partialFillRatio = 1;
      state = await desk.sync(order.clientOrderId, order.symbol);
      if (state.status !== "filled") expect(["open", "partially_filled"]).toContain(state.status);
    }
    expect(state.status).toBe("filled");
    expect(state.fills.length).toBeGreaterThan(1);
    expect(state.fills.reduce((sum, f) => sum + f.quantity, 0)).toBeCloseTo(0.002, 10);
    expect(state.fills.every((f) => f.price === price)).toBe(true);
    const fillRows = await db.prisma.fill.count({ where: { order: { clientOrderId: order.clientOrderId } } });
    expect(fillRows).toBe(stub.trades().filter((t) => t.orderId === Number(state.exchangeOrderId)).length);
  });

  it("a pending row the exchange never received is marked expired on reconcile, saying why", async () => {
    const order = intent();
    await db.prisma.order.create({
      data: {
        deploymentId,
        clientOrderId: order.clientOrderId,
        symbol: order.symbol,
        side: "buy",
        type: "market",
        quantity: 0.01,
        status: "pending",
        barTime: new Date(order.barTime),
        reason: "entry",
      },
    });
    const states = await desk.reconcile();
    const mine = states.find((s) => s.clientOrderId === order.clientOrderId);
    expect(mine?.status).toBe("expired");
    const row = await db.prisma.order.findUniqueOrThrow({ where: { clientOrderId: order.clientOrderId } });
    expect(row.error).toMatch(/never reached the exchange/);
    expect(stub.orders()).toHaveLength(0);
  });
});
