import { redisConnectionOptions } from "@tradegraph/config";
import { type DeploymentControlMessage, QUEUE_NAMES } from "@tradegraph/contracts";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import { bundledFile, createExchange, readCandleFile } from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import type { CandleColumns } from "@tradegraph/nodes";
import { Queue, QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeploymentWorker } from "../src/workers/deployments.ts";
import { createQueuedRun, exampleGraph, storedSettings, YEAR_2024 } from "./helpers/runs.ts";

const MINUTE = 60_000;
const start = Date.UTC(2025, 6, 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("deployment control worker (real BullMQ, PostgreSQL, ccxt against the exchange stub)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let stub: ExchangeStub;
  let worker: Awaited<ReturnType<typeof createDeploymentWorker>>;
  let queue: Queue<DeploymentControlMessage>;
  let events: QueueEvents;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    const parsed = await readCandleFile(bundledFile("BTC/USDT", "1m").path, { timeframe: "1m" });
    if (!parsed.ok) throw new Error("bundled 1m candles do not parse");
    const all = parsed.candles as CandleColumns;
    const i = all.time.indexOf(start);
    const cut = (a: Float64Array) => a.slice(i, i + 600);
    const minutes = {
      time: cut(all.time),
      open: cut(all.open),
      high: cut(all.high),
      low: cut(all.low),
      close: cut(all.close),
      volume: cut(all.volume),
    };
    stub = await startExchangeStub({ candles: { "BTC/USDT": { "1m": minutes } }, now: start + 15_000 });
    const connection = redisConnectionOptions(redis.url);
    worker = await createDeploymentWorker({
      prisma: db.prisma,
      connection,
      prefix: redis.prefix,
      exchangeFor: () => createExchange("binance", stub.ccxtConfig()),
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      pollIntervalMs: 10,
    });
    queue = new Queue(QUEUE_NAMES.deploymentControl, { connection, prefix: redis.prefix });
    events = new QueueEvents(QUEUE_NAMES.deploymentControl, { connection, prefix: redis.prefix });
    await Promise.all([worker.worker.waitUntilReady(), events.waitUntilReady()]);
  });
  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await events?.close();
    await stub?.stop();
    await db?.drop();
    await redis?.cleanup();
  });

  it("start trades closed candles; emergency stop flattens the position, records it and ends the start job", async () => {
    const graph = exampleGraph("sma-crossover");
    const { userId, versionId } = await createQueuedRun(db.prisma, graph, storedSettings(YEAR_2024));
    const deployment = await db.prisma.deployment.create({
      data: {
        ownerId: userId,
        strategyVersionId: versionId,
        mode: "paper",
        symbols: ["BTC/USDT"],
        timeframe: "1m",
        paperCash: 10_000,
        riskLimits: {},
        desiredState: "running",
      },
    });
    const message = (
      command: DeploymentControlMessage["command"],
      commandId: string,
    ): DeploymentControlMessage => ({
      commandId,
      deploymentId: deployment.id,
      command,
      requestedBy: userId,
      requestedAt: new Date().toISOString(),
    });
    const startJob = await queue.add("start", message("start", "c1"), { jobId: "c1" });
    for (let i = 0; i < 400; i++) {
      const row = await db.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
      if (row.status === "running") break;
      await sleep(25);
    }
    // Candles close until a position is open (SMA 20/50 on 1m needs 50 bars first).
    let open = false;
    for (let k = 1; k < 590 && !open; k++) {
      stub.setNow(start + k * MINUTE + 15_000);
      await sleep(40);
      const position = await db.prisma.position.findFirst({ where: { deploymentId: deployment.id } });
      open = position !== null && Number(position.quantity) !== 0;
    }
    expect(open).toBe(true);

    const stopJob = await queue.add("emergencyStop", message("emergencyStop", "c2"), { jobId: "c2" });
    await stopJob.waitUntilFinished(events, 30_000);
    await startJob.waitUntilFinished(events, 30_000);

    const row = await db.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
    expect(row.status).toBe("stopped");
    expect(row.statusReason).toBe("emergency stop: positions flattened");
    const position = await db.prisma.position.findFirstOrThrow({ where: { deploymentId: deployment.id } });
    expect(Number(position.quantity)).toBe(0);
    const last = await db.prisma.deploymentTrade.findFirstOrThrow({
      where: { deploymentId: deployment.id },
      orderBy: { exitTime: "desc" },
    });
    expect(last.exitReason).toBe("endOfRun");
    const kinds = (
      await db.prisma.deploymentEvent.findMany({
        where: { deploymentId: deployment.id },
        orderBy: { id: "asc" },
      })
    ).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["command.start", "command.emergencyStop"]));
  });
});
