import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RUNNER_HEARTBEAT_KEY } from "@tradegraph/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.ts";
import { createLogger } from "../src/observability/logger.ts";
import { smaCrossover } from "./fixtures/graphs.ts";
import { createHarness, type Harness } from "./helpers/harness.ts";

let h: Harness;
let app: FastifyInstance;
const serverLog: string[] = [];
let cookie = "";

const post = (path: string, body: unknown, withCookie = true) =>
  app.inject({
    method: "POST",
    url: `/trpc/${path}`,
    payload: body as object,
    headers: withCookie ? { cookie } : {},
  });
const get = (path: string, input?: unknown) =>
  app.inject({
    method: "GET",
    url: `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
    headers: { cookie },
  });

beforeAll(async () => {
  h = await createHarness();
  const sink = { write: (line: string) => void serverLog.push(line) };
  app = await buildServer({
    context: { prisma: h.db.prisma, skeleton: h.skeleton, deps: h.deps },
    logger: createLogger("debug", sink),
    webDistDir: mkdtempSync(join(tmpdir(), "tg-no-web-")),
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe("the API over HTTP", () => {
  it("sets the session as an httpOnly, SameSite=Lax cookie and honours it", async () => {
    const res = await post(
      "auth.signUp",
      { email: "http@example.com", password: "a long http password" },
      false,
    );
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/^tg_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // developer machine over http; on in production
    cookie = setCookie.split(";")[0]!;
    const me = await get("auth.me");
    expect(me.json().result.data.email).toBe("http@example.com");
  });

  it("answers a missing session with NOT_SIGNED_IN and a sentence", async () => {
    const res = await app.inject({ method: "GET", url: "/trpc/strategies.list?input=%7B%7D" });
    expect(res.statusCode).toBe(401);
    const error = res.json().error;
    expect(error.data.appCode).toBe("NOT_SIGNED_IN");
    expect(error.message).toBe("Sign in to continue (your session is missing or has expired).");
  });

  it("flattens input errors onto fields and graph errors onto nodes", async () => {
    const bad = await post("strategies.create", { name: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.data).toMatchObject({
      appCode: "VALIDATION_FAILED",
      fieldErrors: { name: ["Give the strategy a name."] },
    });
    expect(bad.json().error.message).toBe("Some inputs are not valid: name: Give the strategy a name.");
    const graph = smaCrossover();
    graph.nodes.find((n) => n.id === "slow")!.params = { period: 0 };
    const invalid = await post("strategies.create", { name: "x", graph });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.data.appCode).toBe("GRAPH_INVALID");
    expect(invalid.json().error.data.graphIssues).toEqual([
      expect.objectContaining({ nodeId: "slow", param: "period" }),
    ]);
  });

  it("never echoes a secret over HTTP or into the server log", async () => {
    const res = await post("credentials.add", {
      label: "http key",
      exchange: "binance",
      mode: "live",
      apiKey: "http-api-key-7777",
      secret: "http-secret-8888",
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("http-secret-8888");
    expect(res.body).not.toContain("http-api-key-7777");
    const list = await get("credentials.list");
    expect(list.body).not.toMatch(/http-secret-8888|http-api-key-7777/);
    expect(list.json().result.data[0].last4).toBe("7777");
    expect(serverLog.join("")).not.toMatch(/http-secret-8888|http-api-key-7777/);
  });

  it("reports database, Redis and runner heartbeat health", async () => {
    const cold = await app.inject({ method: "GET", url: "/health/details" });
    expect(cold.statusCode).toBe(200);
    expect(cold.json()).toMatchObject({
      ok: false,
      database: { ok: true },
      redis: { ok: true },
      runner: { ok: false },
    });
    await h.deps.redis.set(`${h.redis.prefix}:${RUNNER_HEARTBEAT_KEY}`, new Date().toISOString());
    const warm = await app.inject({ method: "GET", url: "/health/details" });
    expect(warm.json()).toMatchObject({ ok: true, runner: { ok: true } });
  });

  it("exposes Prometheus metrics: requests by procedure and queue depth", async () => {
    await h.deps.queues.backtests.add(
      "probe",
      { runId: "metrics-probe", ownerId: "nobody" },
      { jobId: "metrics-probe" },
    );
    const res = await app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(res.body).toMatch(
      /tradegraph_http_requests_total\{route="trpc:auth.signUp",method="POST",status="200"\} 1/,
    );
    expect(res.body).toMatch(
      /tradegraph_http_request_duration_seconds_bucket\{le="0.005",route="trpc:auth.me",method="GET"\}/,
    );
    expect(res.body).toMatch(/tradegraph_queue_jobs\{queue="backtests",state="waiting"\} 1/);
    await h.deps.queues.backtests.remove("metrics-probe");
  });
});
