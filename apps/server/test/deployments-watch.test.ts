import { deploymentEventsChannel, deploymentMarksKey } from "@tradegraph/contracts";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smaCrossover } from "./fixtures/graphs.ts";
import { expectAppError } from "./helpers/errors.ts";
import { type Caller, createHarness, type Harness } from "./helpers/harness.ts";
import { startStub } from "./helpers/stub-exchange.ts";

let h: Harness;
let stub: ExchangeStub;
let trader: Caller;
let mallory: Caller;
let strategyId: string;

const paper = () => ({
  strategyId,
  versionNumber: 1,
  mode: "paper" as const,
  symbols: ["BTC/USDT"],
  timeframe: "1h" as const,
  paperCash: 10_000,
  riskLimits: {
    maxNotionalPerOrder: 500,
    maxOrdersPerDay: 20,
    minSecondsBetweenOrders: 60,
    dailyLossLimitPct: 10,
    maxDrawdownPct: 25,
  },
});

beforeAll(async () => {
  const started = await startStub();
  stub = started.stub;
  h = await createHarness({ exchangeFactory: started.factory });
  trader = (await h.signUp()).caller;
  mallory = (await h.signUp()).caller;
  strategyId = (await trader.strategies.create({ name: "SMA", graph: smaCrossover(), message: "v1" })).id;
});
afterAll(async () => {
  await stub?.stop();
  await h?.close();
});

/** Publishes on the deployment channel the way the runner's record-events does (a JSON list of events). */
async function runnerPublishes(deploymentId: string, events: object[]) {
  await h.deps.redis.publish(
    `${h.redis.prefix}:${deploymentEventsChannel(deploymentId)}`,
    JSON.stringify(events),
  );
}

async function subscribers(deploymentId: string): Promise<number> {
  const [, count] = (await h.deps.redis.pubsub(
    "NUMSUB",
    `${h.redis.prefix}:${deploymentEventsChannel(deploymentId)}`,
  )) as [string, number];
  return Number(count);
}

describe("deployments.watch (pushed over Redis pub/sub, real Redis)", () => {
  it("pushes what the runner published and the commands given, then closes its Redis subscription", async () => {
    const d = await trader.deployments.create(paper());
    const stream = (await trader.deployments.watch({ deploymentId: d.id }))[Symbol.asyncIterator]();
    expect((await stream.next()).value).toEqual({ kind: "subscribed", deploymentId: d.id });
    expect(await subscribers(d.id)).toBe(1);

    await runnerPublishes(d.id, [
      { kind: "trade", trade: { symbol: "BTC/USDT" } },
      { kind: "denied", time: 1, symbol: "BTC/USDT", nodeId: "enter", reason: "max orders per day" },
    ]);
    expect((await stream.next()).value).toEqual({
      kind: "changed",
      deploymentId: d.id,
      what: ["trade", "denied"],
    });
    // A candle that only moved the mark (no trade, denial or halt) still pushes.
    await runnerPublishes(d.id, []);
    expect((await stream.next()).value).toEqual({ kind: "changed", deploymentId: d.id, what: ["mark"] });
    // Commands are announced by the server itself.
    await trader.deployments.start({ deploymentId: d.id });
    expect((await stream.next()).value).toEqual({
      kind: "changed",
      deploymentId: d.id,
      what: ["command.start"],
    });

    await stream.return?.(undefined);
    await expect.poll(() => subscribers(d.id)).toBe(0);
  });

  it("another user's deployment is NOT_FOUND and nothing is subscribed for them", async () => {
    const d = await trader.deployments.create(paper());
    await expectAppError(
      (async () => {
        for await (const _ of await mallory.deployments.watch({ deploymentId: d.id })) break;
      })(),
      "NOT_FOUND",
    );
    expect(await subscribers(d.id)).toBe(0);
  });
});

describe("positions with unrealised P&L at the runner's mark price", () => {
  it("is not known until the runner has seen a candle, then (mark − entry) × quantity", async () => {
    const d = await trader.deployments.create(paper());
    // Before the runner recorded anything: flat, nothing to lose or gain, no price seen yet.
    expect(await trader.deployments.positions({ deploymentId: d.id })).toEqual([
      {
        symbol: "BTC/USDT",
        quantity: 0,
        averageEntryPrice: null,
        realizedPnl: 0,
        feesPaid: 0,
        updatedAt: null,
        markPrice: null,
        markTime: null,
        unrealizedPnl: 0,
      },
    ]);
    await h.db.prisma.position.create({
      data: { deploymentId: d.id, symbol: "BTC/USDT", quantity: "0.02", averageEntryPrice: "60000" },
    });
    expect(await trader.deployments.positions({ deploymentId: d.id })).toMatchObject([
      { symbol: "BTC/USDT", quantity: 0.02, markPrice: null, markTime: null, unrealizedPnl: null },
    ]);

    const time = Date.UTC(2025, 0, 1, 10);
    await h.deps.redis.hset(`${h.redis.prefix}:${deploymentMarksKey(d.id)}`, {
      "BTC/USDT": JSON.stringify({ price: 61_250.5, time }),
    });
    const [position] = await trader.deployments.positions({ deploymentId: d.id });
    expect(position).toMatchObject({ markPrice: 61_250.5, markTime: time });
    expect(position!.unrealizedPnl).toBeCloseTo((61_250.5 - 60_000) * 0.02, 9);
    await expectAppError(mallory.deployments.positions({ deploymentId: d.id }), "NOT_FOUND");
  });
});
