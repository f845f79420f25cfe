import type { DeploymentControlMessage } from "@tradegraph/contracts";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import type { Queue, QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  controlMessage,
  openControlQueue,
  startDeploymentWorker,
  waitUntilRunning,
} from "./helpers/control-queue.ts";
import { bundledMinutes, MINUTE, sleep, start, startMinuteStub } from "./helpers/exchange-fixture.ts";
import { createDeployment } from "./helpers/runs.ts";

describe("deployment control worker (real BullMQ, PostgreSQL, ccxt against the exchange stub)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let stub: ExchangeStub;
  let worker: Awaited<ReturnType<typeof startDeploymentWorker>>;
  let queue: Queue<DeploymentControlMessage>;
  let events: QueueEvents;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    stub = await startMinuteStub(await bundledMinutes(600), { balances: {} });
    worker = await startDeploymentWorker(db.prisma, redis, stub);
    ({ queue, events } = await openControlQueue(redis));
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
    const { userId, deployment } = await createDeployment(db.prisma, undefined, { desiredState: "running" });
    const message = (command: DeploymentControlMessage["command"], commandId: string) =>
      controlMessage(deployment.id, userId, command, commandId);
    const startJob = await queue.add("start", message("start", "c1"), { jobId: "c1" });
    await waitUntilRunning(db.prisma, deployment.id);
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
