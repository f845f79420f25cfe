import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redisConnectionOptions } from "@tradegraph/config";
import type { BacktestRunEvent } from "@tradegraph/contracts";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import type { Worker } from "bullmq";
import { EventSource } from "eventsource";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.ts";
import type { AppRouter } from "../src/routers/index.ts";
import { smaCrossover } from "./fixtures/graphs.ts";
import { startBacktestWorker } from "./helpers/backtest-worker.ts";
import { createHarness, type Harness } from "./helpers/harness.ts";

let h: Harness;
let app: FastifyInstance;
let worker: Worker | undefined;
let baseUrl = "";
let cookie = "";

beforeAll(async () => {
  h = await createHarness();
  app = await buildServer({
    context: { prisma: h.db.prisma, skeleton: h.skeleton, deps: h.deps },
    logLevel: "warn",
    webDistDir: mkdtempSync(join(tmpdir(), "tg-no-web-")),
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await worker?.close();
  await app?.close();
  await h?.close();
});

/** A browser-like client: the session cookie rides on every request, including the SSE stream. */
function client() {
  const withCookie = (init?: RequestInit): RequestInit => ({
    ...init,
    headers: { ...(init?.headers as object), cookie },
  });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url: `${baseUrl}/trpc`,
          EventSource,
          eventSourceOptions: { fetch: (input, init) => fetch(input, withCookie(init as RequestInit)) },
        }),
        false: httpBatchLink({
          url: `${baseUrl}/trpc`,
          fetch: (input, init) => fetch(input, withCookie(init)),
        }),
      }),
    ],
  });
}

describe("backtest progress over the real transport (SSE)", () => {
  it("a signed-in browser client receives progress and the result of a run it started", async () => {
    const signUp = await fetch(`${baseUrl}/trpc/auth.signUp`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "sse@example.com", password: "a long sse password" }),
    });
    cookie = String(signUp.headers.get("set-cookie")).split(";")[0]!;
    const api = client();
    const strategy = await api.strategies.create.mutate({
      name: "SSE",
      graph: smaCrossover(),
      message: "v1",
    });
    const run = await api.backtests.start.mutate({
      strategyId: strategy.id,
      versionNumber: 1,
      symbols: ["ETH/USDT"],
      timeframe: "1h",
      from: Date.UTC(2023, 0, 1),
      to: Date.UTC(2024, 0, 1),
    });
    const events: BacktestRunEvent[] = [];
    const finished = new Promise<void>((resolve, reject) => {
      const subscription = api.backtests.watch.subscribe(
        { runId: run.id },
        {
          onStarted: () => {
            // Start the worker once the stream is open, so progress must travel runner → Redis → SSE.
            worker ??= startBacktestWorker(h.db.prisma, redisConnectionOptions(h.redis.url), h.redis.prefix);
          },
          onData: (event) => {
            events.push(event as BacktestRunEvent);
            if ((event as BacktestRunEvent).kind === "finished") {
              subscription.unsubscribe();
              resolve();
            }
          },
          onError: reject,
        },
      );
    });
    await finished;
    expect(events[0]).toMatchObject({ kind: "status", runId: run.id });
    expect(events.filter((e) => e.kind === "progress").length).toBeGreaterThanOrEqual(5);
    expect(events.at(-1)).toMatchObject({ kind: "finished", status: "succeeded", error: null });
    const { result } = await api.backtests.result.query({ runId: run.id });
    expect((result as { symbols: string[] }).symbols).toEqual(["ETH/USDT"]);
  });
});
