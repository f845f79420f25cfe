// The deployment-control queue as the server uses it: add commands, wait for their jobs, watch the row.
import { randomUUID } from "node:crypto";
import { redisConnectionOptions } from "@tradegraph/config";
import { type DeploymentControlMessage, QUEUE_NAMES } from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";
import type { TestRedis } from "@tradegraph/db/testing";
import { createExchange } from "@tradegraph/market-data";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { Queue, QueueEvents } from "bullmq";
import { createDeploymentWorker, type DeploymentWorkerOptions } from "../../src/workers/deployments.ts";

/** The control queue and its events on the test Redis prefix, ready to wait on. */
export async function openControlQueue(redis: TestRedis) {
  const connection = redisConnectionOptions(redis.url);
  const queue = new Queue<DeploymentControlMessage>(QUEUE_NAMES.deploymentControl, {
    connection,
    prefix: redis.prefix,
  });
  const events = new QueueEvents(QUEUE_NAMES.deploymentControl, { connection, prefix: redis.prefix });
  await events.waitUntilReady();
  return { queue, events };
}

/** A command as the server sends it; `commandId` defaults to a fresh one. */
export function controlMessage(
  deploymentId: string,
  requestedBy: string,
  command: DeploymentControlMessage["command"],
  commandId: string = randomUUID(),
): DeploymentControlMessage {
  return { commandId, deploymentId, command, requestedBy, requestedAt: new Date().toISOString() };
}

/** Waits (up to `timeoutMs`) until the deployment row says it is running. */
export async function waitUntilRunning(prisma: PrismaClient, deploymentId: string, timeoutMs = 20_000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const row = await prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId } });
    if (row.status === "running") return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A deployment-control worker reading candles from the stub, polling fast, ready to take jobs. */
export async function startDeploymentWorker(
  prisma: PrismaClient,
  redis: TestRedis,
  stub: ExchangeStub,
  extra: Partial<DeploymentWorkerOptions> = {},
) {
  const worker = await createDeploymentWorker({
    prisma,
    connection: redisConnectionOptions(redis.url),
    prefix: redis.prefix,
    exchangeFor: () => createExchange("binance", stub.ccxtConfig()),
    lockDurationMs: 30_000,
    stalledIntervalMs: 30_000,
    pollIntervalMs: 10,
    ...extra,
  });
  await worker.worker.waitUntilReady();
  return worker;
}
