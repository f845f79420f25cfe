import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redisConnectionOptions } from "@tradegraph/config";
import { QUEUE_NAMES, type SkeletonJobData } from "@tradegraph/contracts";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { Worker } from "bullmq";
import { EventSource } from "eventsource";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppRouter, buildServer, createSkeletonQueue, type SkeletonQueue } from "../src/index.ts";

describe("skeleton API over HTTP (real PostgreSQL, Redis and BullMQ)", () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let skeleton: SkeletonQueue;
  let app: FastifyInstance;
  let baseUrl: string;
  let client: ReturnType<typeof createTRPCClient<AppRouter>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    skeleton = await createSkeletonQueue(redisConnectionOptions(redis.url), redis.prefix);
    const webDistDir = mkdtempSync(join(tmpdir(), "tg-dist-"));
    writeFileSync(join(webDistDir, "index.html"), "<!doctype html><title>Tradegraph</title>");
    app = await buildServer({ context: { prisma: db.prisma, skeleton }, webDistDir, logLevel: "warn" });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    client = createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: `${baseUrl}/trpc`, EventSource }),
          false: httpBatchLink({ url: `${baseUrl}/trpc` }),
        }),
      ],
    });
  });
  afterAll(async () => {
    await app?.close();
    await skeleton?.close();
    await db?.drop();
    await redis?.cleanup();
  });

  it("start creates a queued Run and enqueues a job whose id is the run id", async () => {
    const { runId } = await client.skeleton.start.mutate({ symbol: "ETH/USDT", timeframe: "1h" });
    const run = await client.skeleton.get.query({ runId });
    expect(run.status).toBe("queued");
    expect(run.input).toEqual({ symbol: "ETH/USDT", timeframe: "1h" });
    const job = await skeleton.queue.getJob(runId);
    expect(job?.data).toEqual({ runId, symbol: "ETH/USDT", timeframe: "1h" });
    await job?.remove();
  });

  it("rejects a bad symbol with the zod issue flattened onto the field", async () => {
    const error = await client.skeleton.start.mutate({ symbol: "btc-usdt", timeframe: "1h" }).catch((e) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.data.fieldErrors).toEqual({ symbol: ["symbol looks like BTC/USDT"] });
  });

  it("watch streams the row as a runner reports progress through Redis, then the result", async () => {
    // A real BullMQ worker standing in for the runner process: DB write first, then the Redis event.
    const worker = new Worker<SkeletonJobData>(
      QUEUE_NAMES.skeleton,
      async (job) => {
        await db.prisma.run.update({ where: { id: job.data.runId }, data: { status: "running" } });
        for (const progress of [30, 60]) {
          await db.prisma.run.update({ where: { id: job.data.runId }, data: { progress } });
          await job.updateProgress(progress);
          await new Promise((r) => setTimeout(r, 50));
        }
        const result = { rows: 3 };
        await db.prisma.run.update({
          where: { id: job.data.runId },
          data: { status: "succeeded", progress: 100, result, finishedAt: new Date() },
        });
        return result;
      },
      { connection: redisConnectionOptions(redis.url), prefix: redis.prefix, autorun: false },
    );
    try {
      const { runId } = await client.skeleton.start.mutate({});
      const seen: inferRouterOutputs<AppRouter>["skeleton"]["get"][] = [];
      const ended = new Promise<void>((resolve, reject) => {
        const sub = client.skeleton.watch.subscribe(
          { runId },
          {
            onData: (run) => seen.push(run),
            onError: reject,
            onComplete: resolve,
          },
        );
        setTimeout(() => {
          sub.unsubscribe();
          reject(new Error(`no completion; saw ${JSON.stringify(seen)}`));
        }, 20_000);
      });
      await new Promise((r) => setTimeout(r, 200)); // the first state must be "queued"
      void worker.run();
      await ended;
      expect(seen[0]?.status).toBe("queued");
      expect(seen.at(-1)).toMatchObject({ status: "succeeded", progress: 100, result: { rows: 3 } });
      const progress = seen.map((r) => r.progress);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress).toContain(30);
    } finally {
      await worker.close();
    }
  });

  it("get of an unknown run says which run does not exist", async () => {
    await expect(client.skeleton.get.query({ runId: "nope" })).rejects.toThrow("Run nope does not exist.");
  });

  it("reports health of PostgreSQL and Redis and serves the web app with client-side routes", async () => {
    const health = await fetch(`${baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", postgres: "ok", redis: "ok" });
    for (const path of ["/", "/strategies/123"]) {
      const page = await fetch(`${baseUrl}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>Tradegraph</title>");
    }
    expect((await fetch(`${baseUrl}/trpc/nope`)).status).toBe(404);
  });
});
