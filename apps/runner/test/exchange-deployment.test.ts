import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import type { CandleColumns } from "@tradegraph/nodes";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharedRateLimiter } from "../src/rate-limit/token-bucket.ts";
import {
  bundledMinutes,
  createTestnetDeployment,
  runOnStub,
  startMinuteStub,
} from "./helpers/exchange-fixture.ts";

const BARS = 240;

describe("a testnet deployment trades through real ccxt (sandbox mode) against the exchange stub", () => {
  let db: TestDatabase;
  let stub: ExchangeStub;
  let redis: Redis;
  let minutes: CandleColumns;
  const prefix = `tg-test-exdep-${process.pid}-${Date.now()}`;
  beforeAll(async () => {
    db = await createTestDatabase();
    redis = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    minutes = await bundledMinutes(BARS + 5);
    stub = await startMinuteStub(minutes);
  });
  afterAll(async () => {
    await stub?.stop();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await db?.drop();
  });

  it("places, fills and closes orders; every exchange order and fill is recorded once and the books agree", async () => {
    const deployment = await createTestnetDeployment(db.prisma);
    const { recorded, step, stop } = runOnStub(db.prisma, deployment.id, stub, {
      limiter: {
        limiter: new SharedRateLimiter(redis, prefix, { capacity: 100, perSecond: 500 }),
        apiKeyId: stub.apiKey,
      },
      flattenOnStop: () => true,
    });
    // Candles close one by one, as they would live: each is evaluated and its orders sent before the next.
    for (let k = 1; k <= BARS; k++) await step(k);
    const loop = await stop();

    expect(recorded).toEqual(Array.from(minutes.time.slice(0, BARS)));
    const orders = await db.prisma.order.findMany({
      where: { deploymentId: deployment.id },
      orderBy: { createdAt: "asc" },
    });
    const onExchange = stub.orders();
    expect(loop.trades.length).toBeGreaterThan(1);
    // Every round trip is one buy and one sell on the exchange, each recorded with the same client order id.
    expect(onExchange).toHaveLength(2 * loop.trades.length);
    expect(orders.map((o) => o.clientOrderId)).toEqual(onExchange.map((o) => o.clientOrderId));
    expect(orders.every((o) => o.status === "filled")).toBe(true);
    expect(await db.prisma.fill.count({ where: { deploymentId: deployment.id } })).toBe(stub.trades().length);
    // Booked prices are the exchange's fill prices (real closes of the bundled candles).
    const buys = stub.trades().filter((t) => t.isBuyer);
    expect(loop.trades).toHaveLength(buys.length);
    loop.trades.forEach((t, i) => {
      expect(t.entryPrice).toBeCloseTo(buys[i]!.price, 6);
    });
    const closes = new Set(Array.from(minutes.close));
    expect(stub.trades().every((t) => closes.has(t.price))).toBe(true);
    // Flat at the end, and the ledger's cash is the account's USDT (the sold dust under one lot aside).
    const position = await db.prisma.position.findFirstOrThrow({ where: { deploymentId: deployment.id } });
    expect(Number(position.quantity)).toBe(0);
    const balances = stub.balances();
    expect(balances.BTC?.free ?? 0).toBeLessThan(0.00001 * loop.trades.length);
    const dustValue = (balances.BTC?.free ?? 0) * Math.max(...loop.trades.map((t) => t.exitPrice));
    expect(Math.abs(loop.session.portfolio.ledger.cash - balances.USDT!.free)).toBeLessThanOrEqual(
      dustValue + 1e-6,
    );
    const rows = await db.prisma.deploymentTrade.count({ where: { deploymentId: deployment.id } });
    expect(rows).toBe(loop.trades.length);
  });
  it("with injected 429s, 5xx, timeouts and partial fills nothing is lost or doubled and the books still agree", async () => {
    const faulty = await startMinuteStub(minutes, { partialFillRatio: 0.5 });
    try {
      const deployment = await createTestnetDeployment(db.prisma);
      const { recorded, step, stop } = runOnStub(db.prisma, deployment.id, faulty, {
        timeoutMs: 300,
        limiter: {
          limiter: new SharedRateLimiter(redis, prefix, { capacity: 100, perSecond: 500 }),
          apiKeyId: faulty.apiKey,
        },
        flattenOnStop: () => true,
      });
      let injected = 0;
      let batches = 0;
      for (let k = 1; k <= BARS; k++) {
        // Order requests, look-ups and fill queries meet trouble along the way: a new batch of faults
        // once the previous one was hit (so the bounded retries can get through).
        const hit = faulty.requests.filter(
          (r) => r.status === 429 || r.status === 503 || r.status === 500 || r.status === "hang",
        ).length;
        if (hit === injected) {
          const batch = batches++ % 4;
          if (batch === 0) faulty.failNext(429, 2, "/api/v3/order");
          if (batch === 1) faulty.failNext(503, 1, "/api/v3/order");
          if (batch === 2) faulty.failNext(500, 1, "/api/v3/myTrades");
          if (batch === 3) faulty.hangNext(1, "/api/v3/order");
          injected += batch === 0 ? 2 : 1;
        }
        await step(k);
      }
      const loop = await stop();

      expect(recorded).toEqual(Array.from(minutes.time.slice(0, BARS)));
      const faults = faulty.requests.filter((r) => r.status !== 200 && r.status !== 400);
      expect(faults.filter((r) => r.status === 429).length).toBeGreaterThan(0);
      expect(faults.filter((r) => r.status === "hang").length).toBeGreaterThan(0);
      expect(faults.filter((r) => r.status === 503 || r.status === 500).length).toBeGreaterThan(0);
      const orders = await db.prisma.order.findMany({ where: { deploymentId: deployment.id } });
      const onExchange = faulty.orders();
      expect(loop.trades.length).toBeGreaterThan(1);
      // Partial fills: market orders fill half and expire, so exits take several orders; none doubled.
      expect(onExchange.length).toBeGreaterThan(2 * loop.trades.length);
      expect(new Set(onExchange.map((o) => o.clientOrderId)).size).toBe(onExchange.length);
      const byId = new Map(orders.map((o) => [o.clientOrderId, o]));
      const exchangeIds = new Set(onExchange.map((o) => o.clientOrderId));
      // The only rows the exchange does not have: the rest of a partly filled exit below the minimum order
      // value, refused by the exchange and recorded as rejected with its reason (it stays as dust).
      const refused = orders.filter((o) => !exchangeIds.has(o.clientOrderId));
      expect(
        refused.every((o) => o.status === "rejected" && /Filter failure: NOTIONAL/.test(o.error ?? "")),
      ).toBe(true);
      expect(orders.length - refused.length).toBe(onExchange.length);
      for (const o of onExchange) {
        const row = byId.get(o.clientOrderId);
        expect(row?.status).toBe(o.status === "FILLED" ? "filled" : "expired");
        expect(Number(row?.filledQuantity)).toBeCloseTo(o.executedQty, 12);
      }
      expect(await db.prisma.fill.count({ where: { deploymentId: deployment.id } })).toBe(
        faulty.trades().length,
      );
      const position = await db.prisma.position.findFirstOrThrow({ where: { deploymentId: deployment.id } });
      expect(Number(position.quantity)).toBe(0);
      const balances = faulty.balances();
      const refusedQuantity = refused.reduce((sum, o) => sum + Number(o.quantity), 0);
      // What is left is dust each round trip could not sell (below one lot or the minimum order value).
      expect(balances.BTC?.free ?? 0).toBeGreaterThanOrEqual(refusedQuantity - 1e-12);
      expect((balances.BTC?.free ?? 0) * Math.max(...Array.from(minutes.close))).toBeLessThan(
        5 * (loop.trades.length + refused.length),
      );
      const dustValue = (balances.BTC?.free ?? 0) * Math.max(...loop.trades.map((t) => t.exitPrice));
      expect(Math.abs(loop.session.portfolio.ledger.cash - balances.USDT!.free)).toBeLessThanOrEqual(
        dustValue + 1e-6,
      );
    } finally {
      await faulty.stop();
    }
  });
});
