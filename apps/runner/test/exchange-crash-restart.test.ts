import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bundledMinutes,
  createTestnetDeployment,
  MINUTE,
  sleep,
  start,
  startMinuteStub,
} from "./helpers/exchange-fixture.ts";

const BARS = 240;
const runnerDir = join(import.meta.dirname, "..");
const tsxLoader = pathToFileURL(
  join(runnerDir, "..", "..", "node_modules", "tsx", "dist", "loader.mjs"),
).href;

interface DeploymentProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startDeploymentProcess(env: Record<string, string>): DeploymentProcess {
  const child = spawn(process.execPath, ["--import", tsxLoader, "src/exchange/deployment-process.ts"], {
    cwd: runnerDir,
    env: { ...process.env, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => text, exited };
}

const recordedTimes = (text: string) => [...text.matchAll(/recorded (\d+)/g)].map((m) => Number(m[1]));

describe("a deployment process killed between sending an order and recording it (real ccxt, stub, PostgreSQL)", () => {
  let db: TestDatabase;
  let stub: ExchangeStub;
  beforeAll(async () => {
    db = await createTestDatabase();
    stub = await startMinuteStub(await bundledMinutes(BARS + 5));
  });
  afterAll(async () => {
    await stub?.stop();
    await db?.drop();
  });

  it("after the restart the exchange has exactly one order for that intent and the position is what it filled", async () => {
    const deployment = await createTestnetDeployment(db.prisma);
    const env = {
      DATABASE_URL: db.url,
      TG_DEPLOYMENT_ID: deployment.id,
      TG_EXCHANGE_URL: stub.url,
      TG_API_KEY: stub.apiKey,
      TG_API_SECRET: stub.secret,
    };
    // First life: candles close one by one until the first order is sent; the process kills itself there.
    const first = startDeploymentProcess({
      ...env,
      TG_AFTER: String(start - MINUTE),
      TG_KILL_AFTER_SEND: "1",
    });
    let killed: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    void first.exited.then((e) => {
      killed = e;
    });
    for (let k = 1; k <= BARS && killed === null; k++) {
      stub.advance(MINUTE);
      for (let i = 0; i < 4000 && killed === null && recordedTimes(first.output()).length < k; i++)
        await sleep(5);
    }
    expect(killed, first.output()).toEqual({ code: null, signal: "SIGKILL" });
    const sentId = /sent (tg[0-9a-f]{32})/.exec(first.output())?.[1];
    expect(sentId).toBeDefined();
    // The exchange has the order; our database only knows it as written before the request.
    expect(stub.orders().map((o) => o.clientOrderId)).toEqual([sentId]);
    const before = await db.prisma.order.findUniqueOrThrow({ where: { clientOrderId: sentId! } });
    expect(before.status).toBe("pending");
    expect(await db.prisma.fill.count({ where: { deploymentId: deployment.id } })).toBe(0);

    // Second life: resumes after the last candle it recorded, so the killed candle is evaluated again.
    const lastRecorded = recordedTimes(first.output()).at(-1)!;
    const second = startDeploymentProcess({ ...env, TG_AFTER: String(lastRecorded) });
    for (let i = 0; i < 4000 && recordedTimes(second.output()).length < 1; i++) await sleep(5);
    expect(recordedTimes(second.output())[0], second.output()).toBe(lastRecorded + MINUTE);
    second.child.kill("SIGTERM");
    expect((await second.exited).code, second.output()).toBe(0);

    expect(stub.orders().filter((o) => o.clientOrderId === sentId)).toHaveLength(1);
    expect(stub.orders()).toHaveLength(1);
    const after = await db.prisma.order.findUniqueOrThrow({ where: { clientOrderId: sentId! } });
    expect(after.status).toBe("filled");
    expect(after.exchangeOrderId).toBe(String(stub.orders()[0]!.orderId));
    expect(await db.prisma.fill.count({ where: { deploymentId: deployment.id } })).toBe(stub.trades().length);
    // The position is exactly what the account holds: the bought quantity less the fee taken in BTC.
    const position = await db.prisma.position.findFirstOrThrow({ where: { deploymentId: deployment.id } });
    const held = stub.balances().BTC!.free;
    expect(held).toBeGreaterThan(0);
    expect(Number(position.quantity)).toBeCloseTo(held, 12);
    expect(Number(position.averageEntryPrice)).toBe(stub.trades()[0]!.price);
  });
});
