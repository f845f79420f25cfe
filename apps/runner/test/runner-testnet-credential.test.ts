import { randomBytes, randomUUID } from "node:crypto";
import { keyIdOf, sealExchangeKeys } from "@tradegraph/config";
import type { DeploymentControlMessage } from "@tradegraph/contracts";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import type { Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlMessage, openControlQueue, waitUntilRunning } from "./helpers/control-queue.ts";
import { bundledMinutes, MINUTE, sleep, start, startMinuteStub } from "./helpers/exchange-fixture.ts";
import { type RunnerProcess, startRunnerProcess } from "./helpers/runner-process.ts";
import { createQueuedRun, deploymentRow, exampleGraph, storedSettings, YEAR_2024 } from "./helpers/runs.ts";

describe("the real runner process trades a testnet deployment with its stored, encrypted exchange key", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let stub: ExchangeStub;
  let runner: RunnerProcess | undefined;
  let queue: Queue<DeploymentControlMessage>;
  let events: QueueEvents;
  const secretsKey = randomBytes(32);
  // Distinctive values, so finding them in the runner's output is meaningful.
  const apiKey = `tgkey${randomBytes(12).toString("hex")}`;
  const apiSecret = `tgsecret${randomBytes(16).toString("hex")}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    stub = await startMinuteStub(await bundledMinutes(600), { apiKey, secret: apiSecret });
    ({ queue, events } = await openControlQueue(redis));
  });
  afterAll(async () => {
    if (runner && runner.child.exitCode === null) runner.child.kill("SIGKILL");
    await queue?.close();
    await events?.close();
    await stub?.stop();
    await db?.drop();
    await redis?.cleanup();
  });

  async function storeCredential(ownerId: string, mode: "testnet" | "live") {
    const id = randomUUID();
    const keyring = { current: secretsKey };
    return db.prisma.exchangeCredential.create({
      data: {
        id,
        ownerId,
        label: `${mode} key`,
        exchange: "binance",
        mode,
        encrypted: new Uint8Array(sealExchangeKeys({ apiKey, secret: apiSecret }, keyring, id)),
        keyId: keyIdOf(secretsKey),
        last4: apiKey.slice(-4),
      },
    });
  }

  it("decrypts the key, places and fills an order on the (signature-checking) stub, and never prints the key", async () => {
    const base = stub.url;
    runner = startRunnerProcess({
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      SECRETS_KEY: secretsKey.toString("base64"),
      EXCHANGE_API_URLS: JSON.stringify({
        binance: { public: `${base}/api/v3`, private: `${base}/api/v3`, v1: `${base}/api/v1` },
      }),
      RUNNER_CANDLE_POLL_MS: "20",
      LOG_LEVEL: "trace",
    });
    await runner.ready;

    const { userId, versionId } = await createQueuedRun(
      db.prisma,
      exampleGraph("sma-crossover"),
      storedSettings(YEAR_2024),
    );
    // A testnet deployment given a live key is refused with a reason, without touching the exchange.
    const liveKey = await storeCredential(userId, "live");
    const mismatched = await db.prisma.deployment.create({
      data: {
        ...deploymentRow(userId, versionId, "testnet"),
        credentialId: liveKey.id,
        desiredState: "running",
      },
    });
    const refused = await queue.add("start", controlMessage(mismatched.id, userId, "start"));
    await expect(refused.waitUntilFinished(events, 30_000)).rejects.toThrow(/is a live key/);
    const refusedRow = await db.prisma.deployment.findUniqueOrThrow({ where: { id: mismatched.id } });
    expect(refusedRow.status).toBe("failed");
    expect(refusedRow.statusReason).toMatch(/is testnet but its exchange key is a live key/);
    expect(stub.orders()).toHaveLength(0);

    const testnetKey = await storeCredential(userId, "testnet");
    const deployment = await db.prisma.deployment.create({
      data: {
        ...deploymentRow(userId, versionId, "testnet"),
        credentialId: testnetKey.id,
        desiredState: "running",
      },
    });
    const startJob = await queue.add("start", controlMessage(deployment.id, userId, "start"));
    await waitUntilRunning(db.prisma, deployment.id);
    // Candles close one by one until the strategy buys and the order is filled and recorded.
    let filled = false;
    for (let k = 1; k < 590 && !filled; k++) {
      stub.setNow(start + k * MINUTE + 15_000);
      await sleep(50);
      filled =
        (await db.prisma.order.count({ where: { deploymentId: deployment.id, status: "filled" } })) > 0;
    }
    expect(filled, runner.output()).toBe(true);
    // Its requests drew on the key's shared rate-limit bucket (it expires 3 s after the last take).
    const redisClient = new Redis(redis.url);
    const bucket = await redisClient.hgetall(`${redis.prefix}:ratelimit:${testnetKey.id}`);
    redisClient.disconnect();
    expect(Number(bucket.tokens)).toBeLessThan(20);

    const [order] = stub.orders();
    expect(order?.status).toBe("FILLED");
    const row = await db.prisma.order.findUniqueOrThrow({ where: { clientOrderId: order!.clientOrderId } });
    expect(row.deploymentId).toBe(deployment.id);
    expect(row.exchangeOrderId).toBe(String(order!.orderId));
    expect(await db.prisma.fill.count({ where: { deploymentId: deployment.id } })).toBeGreaterThan(0);
    // Every signed request carried the decrypted key and a valid signature: none was refused.
    expect(stub.requests.filter((r) => r.status === 401 || r.status === 400)).toEqual([]);

    await queue.add("stop", controlMessage(deployment.id, userId, "stop"));
    await startJob.waitUntilFinished(events, 30_000);
    expect((await db.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } })).status).toBe(
      "stopped",
    );
    runner.child.kill("SIGTERM");
    expect(await runner.exited).toBe(0);
    const output = runner.output();
    expect(output).toContain("runner ready");
    expect(output).not.toContain(apiKey);
    expect(output).not.toContain(apiSecret);
  });
});
