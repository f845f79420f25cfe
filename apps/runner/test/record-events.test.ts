import { redisConnectionOptions } from "@tradegraph/config";
import { deploymentMarksKey } from "@tradegraph/contracts";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import { candleAt } from "@tradegraph/market-data";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRunCandles } from "../src/backtests/load-candles.ts";
import { DeploymentLoop } from "../src/deployments/deployment-loop.ts";
import { deploymentEventsChannel, recordLoopEvents } from "../src/deployments/record-events.ts";
import { createDeployment, exampleGraph, storedSettings } from "./helpers/runs.ts";

const HOUR = 3_600_000;

describe("recording a paper deployment in PostgreSQL and publishing its events (real database and Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let publisher: Redis;
  let subscriber: Redis;
  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    publisher = new Redis(redisConnectionOptions(redis.url));
    subscriber = new Redis(redisConnectionOptions(redis.url));
  });
  afterAll(async () => {
    publisher?.disconnect();
    subscriber?.disconnect();
    await db?.drop();
    await redis?.cleanup();
  });

  it("writes every closed trade, the position and a drawdown halt exactly as the loop computed them", async () => {
    const graph = exampleGraph("sma-crossover");
    const range = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 6, 1) };
    const { deployment } = await createDeployment(db.prisma, graph, {
      timeframe: "1h",
      desiredState: "running",
      status: "running",
    });
    const published: unknown[][] = [];
    const channel = `${redis.prefix}:${deploymentEventsChannel(deployment.id)}`;
    await subscriber.subscribe(channel);
    subscriber.on("message", (_c, message) => published.push(JSON.parse(message)));

    const loop = new DeploymentLoop({
      mode: "paper",
      graph,
      symbols: ["BTC/USDT"],
      timeframeMs: HOUR,
      breakers: { maxDrawdownPct: 4 },
    });
    const candles = (await loadRunCandles(null, storedSettings(range)))["BTC/USDT"]!;
    const target = { prisma: db.prisma, deploymentId: deployment.id, redis: publisher, prefix: redis.prefix };
    for (let i = 0; i < candles.time.length; i++) {
      const events = loop.onClosedCandle("BTC/USDT", candleAt(candles, i));
      await recordLoopEvents(target, loop, events);
    }
    expect(loop.trades.length).toBeGreaterThan(0);
    expect(loop.haltReason).not.toBeNull();

    const trades = await db.prisma.deploymentTrade.findMany({
      where: { deploymentId: deployment.id },
      orderBy: { entryTime: "asc" },
    });
    // NUMERIC(38,18) keeps 18 decimals: pnl is compared to the nano-unit.
    expect(
      trades.map((t) => [
        t.entryTime.getTime(),
        Number(t.entryPrice),
        Number(t.exitPrice),
        Number(Number(t.pnl).toFixed(9)),
      ]),
    ).toEqual(loop.trades.map((t) => [t.entryTime, t.entryPrice, t.exitPrice, Number(t.pnl.toFixed(9))]));
    const row = await db.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
    expect(row.status).toBe("halted");
    expect(row.statusReason).toBe(loop.haltReason);
    const position = await db.prisma.position.findUniqueOrThrow({
      where: { deploymentId_symbol: { deploymentId: deployment.id, symbol: "BTC/USDT" } },
    });
    expect(Number(position.quantity)).toBe(loop.session.slots[0]!.quantity);
    expect(Number(position.realizedPnl)).toBeCloseTo(
      loop.trades.reduce((sum, t) => sum + t.pnl, 0),
      8,
    );
    const halted = await db.prisma.deploymentEvent.findMany({
      where: { deploymentId: deployment.id, kind: "breaker.halted" },
    });
    expect(halted).toHaveLength(1);
    // Every event reached the subscriber.
    await new Promise((r) => setTimeout(r, 300));
    const flat = published.flat() as { kind: string }[];
    expect(flat.filter((e) => e.kind === "trade")).toHaveLength(loop.trades.length);
    expect(flat.filter((e) => e.kind === "halted")).toHaveLength(1);
    // The mark price for unrealised P&L is the last closed candle the loop saw.
    const last = candles.time.length - 1;
    const marks = await publisher.hgetall(`${redis.prefix}:${deploymentMarksKey(deployment.id)}`);
    expect(JSON.parse(marks["BTC/USDT"]!)).toEqual({ price: candles.close[last], time: candles.time[last] });
  });
});
