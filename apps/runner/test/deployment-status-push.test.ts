import { redisConnectionOptions } from "@tradegraph/config";
import {
  type DeploymentControlMessage,
  type DeploymentStatusMessage,
  deploymentEventsChannel,
  deploymentStatusMessageSchema,
} from "@tradegraph/contracts";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import { candleAt } from "@tradegraph/market-data";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import type { CandleColumns } from "@tradegraph/nodes";
import type { Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeploymentLoop } from "../src/deployments/deployment-loop.ts";
import { recordLoopEvents } from "../src/deployments/record-events.ts";
import { DeploymentCredentialError } from "../src/exchange/credential-exchange.ts";
import { controlMessage, openControlQueue, startDeploymentWorker } from "./helpers/control-queue.ts";
import { bundledMinutes, MINUTE, runOnStub, sleep, startMinuteStub } from "./helpers/exchange-fixture.ts";
import { createDeployment as createDeploymentRow, exampleGraph } from "./helpers/runs.ts";

describe("the runner pushes every status it sets on the deployment's Redis channel (real BullMQ, PostgreSQL, Redis)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let stub: ExchangeStub;
  let minutes: CandleColumns;
  let worker: Awaited<ReturnType<typeof startDeploymentWorker>>;
  let queue: Queue<DeploymentControlMessage>;
  let events: QueueEvents;
  let subscriber: Redis;
  let publisher: Redis;
  /** Every message on every deployment channel, by deployment id. */
  const heard = new Map<string, unknown[][]>();

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    minutes = await bundledMinutes(200, 200);
    stub = await startMinuteStub(minutes);
    const connection = redisConnectionOptions(redis.url);
    subscriber = new Redis(connection);
    publisher = new Redis(connection);
    const pattern = `${redis.prefix}:${deploymentEventsChannel("*")}`;
    await subscriber.psubscribe(pattern);
    subscriber.on("pmessage", (_pattern, channel: string, text: string) => {
      const id = channel.slice(channel.lastIndexOf(":") + 1);
      heard.set(id, [...(heard.get(id) ?? []), JSON.parse(text) as unknown[]]);
    });
    worker = await startDeploymentWorker(db.prisma, redis, stub, {
      tradingExchangeFor: () => {
        throw new DeploymentCredentialError("The API key of this deployment was removed.");
      },
    });
    ({ queue, events } = await openControlQueue(redis));
  });
  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await events?.close();
    subscriber?.disconnect();
    publisher?.disconnect();
    await stub?.stop();
    await db?.drop();
    await redis?.cleanup();
  });

  /** The status messages heard for a deployment, in order, each checked against the contract. */
  const statuses = (deploymentId: string): DeploymentStatusMessage[] =>
    (heard.get(deploymentId) ?? [])
      .flat()
      .filter((m) => (m as { kind?: unknown }).kind === "status")
      .map((m) => deploymentStatusMessageSchema.parse(m));
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 600 && !check(); i++) await sleep(25);
  };

  async function createDeployment(mode: "paper" | "testnet", graph?: unknown) {
    const { userId, deployment } = await createDeploymentRow(db.prisma, graph, {
      mode,
      desiredState: "running",
    });
    const message = (command: DeploymentControlMessage["command"], commandId: string) =>
      controlMessage(deployment.id, userId, command, commandId);
    return { deployment, message };
  }

  it("a paper deployment announces running, paused, running again and stopped, each after writing it", async () => {
    const { deployment, message } = await createDeployment("paper");
    const id = deployment.id;
    const rowStatus = async () =>
      (await db.prisma.deployment.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
    const seenRowAt: string[] = [];
    // Each push is checked against the row at the moment it arrives: a refetch on push reads the new status.
    subscriber.on("pmessage", (_p, channel: string, text: string) => {
      if (!channel.endsWith(id) || !text.includes('"status"')) return;
      void rowStatus().then((s) => seenRowAt.push(s));
    });

    const first = await queue.add("start", message("start", `${id}-1`), { jobId: `${id}-1` });
    await waitFor(() => statuses(id).length >= 1);
    const pause = await queue.add("pause", message("pause", `${id}-2`), { jobId: `${id}-2` });
    await pause.waitUntilFinished(events, 30_000);
    await first.waitUntilFinished(events, 30_000);
    await waitFor(() => statuses(id).length >= 2);

    const second = await queue.add("resume", message("resume", `${id}-3`), { jobId: `${id}-3` });
    await waitFor(() => statuses(id).length >= 3);
    const stop = await queue.add("stop", message("stop", `${id}-4`), { jobId: `${id}-4` });
    await stop.waitUntilFinished(events, 30_000);
    await second.waitUntilFinished(events, 30_000);
    await waitFor(() => statuses(id).length >= 4);

    expect(statuses(id).map((m) => [m.status, m.reason])).toEqual([
      ["running", null],
      ["paused", null],
      ["running", null],
      ["stopped", null],
    ]);
    await waitFor(() => seenRowAt.length >= 4);
    expect(seenRowAt).toEqual(["running", "paused", "running", "stopped"]);
    const times = statuses(id).map((m) => m.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("a deployment whose key cannot be used announces failed with the reason", async () => {
    const { deployment, message } = await createDeployment("testnet");
    const job = await queue.add("start", message("start", `${deployment.id}-1`), {
      jobId: `${deployment.id}-1`,
    });
    await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(/removed/);
    await waitFor(() => statuses(deployment.id).length >= 1);
    expect(statuses(deployment.id).map((m) => [m.status, m.reason])).toEqual([
      ["failed", "The API key of this deployment was removed."],
    ]);
    const row = await db.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
    expect([row.status, row.statusReason]).toEqual(["failed", "The API key of this deployment was removed."]);
  });

  it("a circuit breaker's halt is announced as a status with its reason, in the same message as the halt", async () => {
    const { deployment } = await createDeployment("paper");
    const loop = new DeploymentLoop({
      mode: "paper",
      graph: exampleGraph("sma-crossover"),
      symbols: ["BTC/USDT"],
      timeframeMs: MINUTE,
      breakers: { maxDrawdownPct: 0.1 },
    });
    const target = { prisma: db.prisma, deploymentId: deployment.id, redis: publisher, prefix: redis.prefix };
    for (let i = 0; i < minutes.time.length && loop.haltReason === null; i++) {
      const candle = candleAt(minutes, i);
      await recordLoopEvents(target, loop, loop.onClosedCandle("BTC/USDT", candle));
    }
    expect(loop.haltReason).not.toBeNull();
    await waitFor(() => statuses(deployment.id).length >= 1);
    expect(statuses(deployment.id).map((m) => [m.status, m.reason])).toEqual([["halted", loop.haltReason]]);
    const message = heard
      .get(deployment.id)!
      .find((m) => m.some((e) => (e as { kind: string }).kind === "status"))!;
    expect(message.map((e) => (e as { kind: string }).kind)).toContain("halted");
    const row = await db.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
    expect([row.status, row.statusReason]).toEqual(["halted", loop.haltReason]);
  });

  it("a testnet deployment announces running and, on an emergency stop, stopped with the reason", async () => {
    const { deployment } = await createDeployment("testnet");
    const run = runOnStub(db.prisma, deployment.id, stub, {
      retry: undefined,
      redis: publisher,
      prefix: redis.prefix,
      flattenOnStop: () => true,
    });
    await waitFor(() => statuses(deployment.id).length >= 1);
    expect(statuses(deployment.id).map((m) => m.status)).toEqual(["running"]);
    stub.advance(MINUTE);
    await waitFor(() => run.recorded.length >= 1);
    await run.stop();
    await waitFor(() => statuses(deployment.id).length >= 2);
    expect(statuses(deployment.id).map((m) => [m.status, m.reason])).toEqual([
      ["running", null],
      ["stopped", "emergency stop: positions flattened"],
    ]);
  });
});
