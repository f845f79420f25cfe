import type { RiskLimits } from "@tradegraph/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smaCrossover } from "./fixtures/graphs.ts";
import { expectAppError } from "./helpers/errors.ts";
import { type Caller, createHarness, type Harness } from "./helpers/harness.ts";

let h: Harness;
let alice: Caller;
let mallory: Caller;
const ids = { strategy: "", run: "", deployment: "", credential: "", deletedStrategy: "" };
const limits: RiskLimits = {
  maxNotionalPerOrder: 100,
  maxOrdersPerDay: 5,
  minSecondsBetweenOrders: 0,
  dailyLossLimitPct: 5,
  maxDrawdownPct: 10,
};

beforeAll(async () => {
  h = await createHarness();
  alice = (await h.signUp("alice@example.com")).caller;
  mallory = (await h.signUp("mallory@example.com")).caller;
  ids.strategy = (
    await alice.strategies.create({ name: "Alice's edge", graph: smaCrossover(), message: "v1" })
  ).id;
  ids.deletedStrategy = (
    await alice.strategies.create({ name: "Binned", graph: smaCrossover(), message: "v1" })
  ).id;
  await alice.strategies.delete({ strategyId: ids.deletedStrategy });
  ids.run = (
    await alice.backtests.start({
      strategyId: ids.strategy,
      versionNumber: 1,
      symbols: ["BTC/USDT"],
      timeframe: "1h",
      from: 0,
      to: 1e12,
    })
  ).id;
  ids.credential = (
    await alice.credentials.add({
      label: "Alice live",
      exchange: "binance",
      mode: "testnet",
      apiKey: "alice-key-123456",
      secret: "alice-secret-abcdef",
    })
  ).id;
  ids.deployment = (
    await alice.deployments.create({
      strategyId: ids.strategy,
      versionNumber: 1,
      mode: "paper",
      symbols: ["BTC/USDT"],
      timeframe: "1h",
      paperCash: 1000,
      riskLimits: limits,
    })
  ).id;
});
afterAll(async () => {
  await h?.close();
});

describe("a second user sees nothing of the first", () => {
  it("gets NOT_FOUND for every strategy procedure on the first user's ids", async () => {
    const strategyId = ids.strategy;
    const calls: (() => Promise<unknown>)[] = [
      () => mallory.strategies.get({ strategyId }),
      () => mallory.strategies.rename({ strategyId, name: "mine now" }),
      () => mallory.strategies.duplicate({ strategyId }),
      () => mallory.strategies.delete({ strategyId }),
      () => mallory.strategies.restore({ strategyId: ids.deletedStrategy }),
      () => mallory.strategies.saveVersion({ strategyId, graph: smaCrossover(), message: "hijack" }),
      () => mallory.strategies.versions({ strategyId }),
      () => mallory.strategies.version({ strategyId, number: 1 }),
      () => mallory.strategies.diff({ strategyId, from: 1, to: 1 }),
      () => mallory.strategies.restoreVersion({ strategyId, number: 1 }),
      () => mallory.strategies.export({ strategyId }),
      () =>
        mallory.backtests.start({
          strategyId,
          versionNumber: 1,
          symbols: ["BTC/USDT"],
          timeframe: "1h",
          from: 0,
          to: 1e12,
        }),
      () => mallory.backtests.list({ strategyId }),
      () =>
        mallory.deployments.create({
          strategyId,
          versionNumber: 1,
          mode: "paper",
          symbols: ["BTC/USDT"],
          timeframe: "1h",
          paperCash: 1,
          riskLimits: limits,
        }),
      () => mallory.deployments.promotionGate({ strategyId, number: 1 }),
    ];
    for (const call of calls) await expectAppError(call(), "NOT_FOUND");
    expect(await mallory.strategies.list({})).toEqual([]);
    expect(await mallory.strategies.list({ deleted: true })).toEqual([]);
  });

  it("gets NOT_FOUND for every run procedure", async () => {
    const runId = ids.run;
    for (const call of [
      () => mallory.backtests.get({ runId }),
      () => mallory.backtests.result({ runId }),
      () => mallory.backtests.cancel({ runId }),
      () => mallory.backtests.compare({ runIdA: runId, runIdB: runId }),
    ]) {
      await expectAppError(call(), "NOT_FOUND");
    }
    await expectAppError(
      (async () => {
        for await (const _ of await mallory.backtests.watch({ runId })) break;
      })(),
      "NOT_FOUND",
    );
  });

  it("gets NOT_FOUND for every deployment procedure", async () => {
    const deploymentId = ids.deployment;
    for (const call of [
      () => mallory.deployments.status({ deploymentId }),
      () => mallory.deployments.start({ deploymentId }),
      () => mallory.deployments.pause({ deploymentId }),
      () => mallory.deployments.resume({ deploymentId }),
      () => mallory.deployments.stop({ deploymentId }),
      () => mallory.deployments.emergencyStop({ deploymentId }),
      () => mallory.deployments.updateRiskLimits({ deploymentId, riskLimits: limits }),
      () => mallory.deployments.positions({ deploymentId }),
      () => mallory.deployments.orders({ deploymentId }),
      () => mallory.deployments.fills({ deploymentId }),
      () => mallory.deployments.pnl({ deploymentId }),
      () => mallory.deployments.events({ deploymentId }),
    ]) {
      await expectAppError(call(), "NOT_FOUND");
    }
    expect(await mallory.deployments.list({})).toEqual([]);
  });

  it("gets NOT_FOUND for every credential procedure and cannot deploy with the key", async () => {
    const credentialId = ids.credential;
    await expectAppError(mallory.credentials.testConnection({ credentialId }), "NOT_FOUND");
    await expectAppError(mallory.credentials.remove({ credentialId }), "NOT_FOUND");
    const own = await mallory.strategies.create({ name: "Mallory", graph: smaCrossover(), message: "v1" });
    await expectAppError(
      mallory.deployments.create({
        strategyId: own.id,
        versionNumber: 1,
        mode: "testnet",
        credentialId,
        symbols: ["BTC/USDT"],
        timeframe: "1h",
        riskLimits: limits,
      }),
      "NOT_FOUND",
    );
    expect(await mallory.credentials.list()).toEqual([]);
  });

  it("sees none of the first user's audit events, and nothing of Alice's changed", async () => {
    const audit = await mallory.audit.list({});
    expect(audit.every((e) => e.subjectId !== ids.deployment && e.subjectId !== ids.credential)).toBe(true);
    const strategy = await alice.strategies.get({ strategyId: ids.strategy });
    expect(strategy).toMatchObject({ name: "Alice's edge", latestVersion: 1, deletedAt: null });
    expect((await alice.deployments.status({ deploymentId: ids.deployment })).desiredState).toBe("stopped");
    expect((await alice.backtests.get({ runId: ids.run })).status).toBe("queued");
  });
});
