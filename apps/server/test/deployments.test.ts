import type { RiskLimits } from "@tradegraph/contracts";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smaCrossover } from "./fixtures/graphs.ts";
import { expectAppError } from "./helpers/errors.ts";
import { type Caller, createHarness, type Harness } from "./helpers/harness.ts";
import { startStub } from "./helpers/stub-exchange.ts";

let h: Harness;
let stub: ExchangeStub;
let trader: Caller;
let strategyId: string;
const limits: RiskLimits = {
  maxNotionalPerOrder: 500,
  maxOrdersPerDay: 20,
  minSecondsBetweenOrders: 60,
  dailyLossLimitPct: 10,
  maxDrawdownPct: 25,
};
const paper = () => ({
  strategyId,
  versionNumber: 1,
  mode: "paper" as const,
  symbols: ["btc/usdt"],
  timeframe: "1h" as const,
  paperCash: 10_000,
  riskLimits: limits,
});

beforeAll(async () => {
  const started = await startStub();
  stub = started.stub;
  h = await createHarness({ exchangeFactory: started.factory });
  trader = (await h.signUp()).caller;
  strategyId = (await trader.strategies.create({ name: "SMA 20/50", graph: smaCrossover(), message: "v1" }))
    .id;
});
afterAll(async () => {
  await stub?.stop();
  await h?.close();
});

/** Writes closed round trips as the runner would, for the promotion gate. */
async function recordTrades(deploymentId: string, pnls: number[]) {
  const t0 = Date.UTC(2024, 0, 1);
  await h.db.prisma.deploymentTrade.createMany({
    data: pnls.map((pnl, k) => ({
      deploymentId,
      symbol: "BTC/USDT",
      direction: "long",
      quantity: "0.01",
      entryTime: new Date(t0 + k * 7_200_000),
      entryPrice: "42000",
      exitTime: new Date(t0 + k * 7_200_000 + 3_600_000),
      exitPrice: String(42000 + pnl * 100),
      fees: "0.84",
      pnl: String(pnl),
      exitReason: "signal",
    })),
  });
}

describe("deployments", () => {
  it("creates a paper deployment pinned to a version, normalising symbols", async () => {
    const d = await trader.deployments.create(paper());
    expect(d).toMatchObject({
      mode: "paper",
      symbols: ["BTC/USDT"],
      versionNumber: 1,
      desiredState: "stopped",
      status: "created",
      paperCash: 10_000,
    });
    expect(d.riskLimits).toEqual(limits);
    await expectAppError(trader.deployments.create({ ...paper(), versionNumber: 7 }), "NOT_FOUND");
  });

  it("drives desired state through start/pause/resume/stop and enqueues runner commands", async () => {
    const d = await trader.deployments.create(paper());
    const started = await trader.deployments.start({ deploymentId: d.id });
    expect(started).toMatchObject({ desiredState: "running", status: "starting" });
    await expectAppError(trader.deployments.start({ deploymentId: d.id }), "CONFLICT");
    await expectAppError(trader.deployments.resume({ deploymentId: d.id }), "CONFLICT");
    expect((await trader.deployments.pause({ deploymentId: d.id })).desiredState).toBe("paused");
    expect((await trader.deployments.resume({ deploymentId: d.id })).desiredState).toBe("running");
    expect((await trader.deployments.stop({ deploymentId: d.id })).desiredState).toBe("stopped");
    expect((await trader.deployments.emergencyStop({ deploymentId: d.id })).desiredState).toBe("stopped");

    const jobs = await h.deps.queues.deploymentControl.getJobs(["waiting", "prioritized"]);
    const mine = jobs.filter((j) => j.data.deploymentId === d.id);
    expect(mine.map((j) => j.data.command).sort()).toEqual([
      "emergencyStop",
      "pause",
      "resume",
      "start",
      "stop",
    ]);
    for (const job of mine) expect(job.id).toBe(job.data.commandId);
    const events = await trader.deployments.events({ deploymentId: d.id });
    expect(events.map((e) => e.kind)).toEqual([
      "command.emergencyStop",
      "command.stop",
      "command.resume",
      "command.pause",
      "command.start",
      "deployment.created",
    ]);
    const audit = await trader.audit.list({ subjectId: d.id });
    expect(audit.map((a) => a.action)).toEqual([
      "deployment.emergencyStop",
      "deployment.stop",
      "deployment.resume",
      "deployment.pause",
      "deployment.start",
      "deployment.created",
    ]);
  });

  it("records risk limit changes in the audit log with before and after", async () => {
    const d = await trader.deployments.create(paper());
    const updated = await trader.deployments.updateRiskLimits({
      deploymentId: d.id,
      riskLimits: { ...limits, maxOrdersPerDay: 5 },
    });
    expect(updated.riskLimits.maxOrdersPerDay).toBe(5);
    const [event] = await trader.audit.list({ subjectId: d.id, limit: 1 });
    expect(event).toMatchObject({
      action: "deployment.riskLimitsChanged",
      details: { before: limits, after: { ...limits, maxOrdersPerDay: 5 } },
    });
  });

  it("shows positions, orders, fills, P&L and health written by the runner", async () => {
    const d = await trader.deployments.create(paper());
    const order = await h.db.prisma.order.create({
      data: {
        deploymentId: d.id,
        clientOrderId: `tg-${d.id.slice(0, 8)}-1704067200000-entry`,
        symbol: "BTC/USDT",
        side: "buy",
        type: "market",
        quantity: "0.05",
        status: "filled",
        filledQuantity: "0.05",
        averagePrice: "42283.58",
        barTime: new Date(Date.UTC(2024, 0, 1)),
        reason: "entry",
      },
    });
    await h.db.prisma.fill.create({
      data: {
        orderId: order.id,
        deploymentId: d.id,
        exchangeTradeId: "1",
        symbol: "BTC/USDT",
        side: "buy",
        quantity: "0.05",
        price: "42283.58",
        fee: "0.00005",
        feeCurrency: "BTC",
        time: new Date(),
      },
    });
    await h.db.prisma.position.create({
      data: { deploymentId: d.id, symbol: "BTC/USDT", quantity: "0.04995", averageEntryPrice: "42283.58" },
    });
    // The same client order id can never be stored twice.
    await expect(
      h.db.prisma.order.create({
        data: {
          deploymentId: d.id,
          clientOrderId: order.clientOrderId,
          symbol: "BTC/USDT",
          side: "buy",
          type: "market",
          quantity: "1",
          barTime: new Date(),
          reason: "entry",
        },
      }),
    ).rejects.toThrow();
    await recordTrades(d.id, [12.5, -4, 7.25]);

    expect(await trader.deployments.positions({ deploymentId: d.id })).toMatchObject([
      { symbol: "BTC/USDT", quantity: 0.04995, averageEntryPrice: 42283.58 },
    ]);
    expect(await trader.deployments.orders({ deploymentId: d.id })).toMatchObject([
      { clientOrderId: order.clientOrderId, status: "filled", averagePrice: 42283.58 },
    ]);
    expect(await trader.deployments.fills({ deploymentId: d.id })).toMatchObject([
      { price: 42283.58, fee: 0.00005, feeCurrency: "BTC" },
    ]);
    const pnl = await trader.deployments.pnl({ deploymentId: d.id });
    expect(pnl).toMatchObject({ realizedPnl: 15.75, trades: 3, winRate: 2 / 3 });
    expect(pnl.feesPaid).toBeCloseTo(2.52, 10);

    const stopped = await trader.deployments.status({ deploymentId: d.id });
    expect(stopped.health.healthy).toBe(true); // nothing should run
    await trader.deployments.start({ deploymentId: d.id });
    const waiting = await trader.deployments.status({ deploymentId: d.id });
    expect(waiting.health).toMatchObject({
      healthy: false,
      message: "No runner has picked this deployment up yet.",
    });
    await h.db.prisma.deployment.update({
      where: { id: d.id },
      data: { lastHeartbeatAt: new Date(Date.now() - 120_000), status: "running" },
    });
    expect((await trader.deployments.status({ deploymentId: d.id })).health.message).toMatch(
      /No heartbeat from the runner for 1[12]\d s/,
    );
    await h.db.prisma.deployment.update({ where: { id: d.id }, data: { lastHeartbeatAt: new Date() } });
    expect((await trader.deployments.status({ deploymentId: d.id })).health.healthy).toBe(true);
    await trader.deployments.stop({ deploymentId: d.id });
  });

  it("needs a tested live key without withdrawal permission and a version that passed the gate", async () => {
    const live = await trader.credentials.add({
      label: "Live",
      exchange: "binance",
      mode: "live",
      apiKey: stub.apiKey,
      secret: stub.secret,
    });
    const liveInput = { ...paper(), mode: "live" as const, credentialId: live.id, paperCash: undefined };
    await expectAppError(
      trader.deployments.create({ ...liveInput, credentialId: undefined }),
      "VALIDATION_FAILED",
    );
    await expectAppError(trader.deployments.create(liveInput), "CREDENTIAL_REJECTED"); // not tested yet
    stub.apiRestrictions.enableWithdrawals = true;
    await trader.credentials.testConnection({ credentialId: live.id });
    stub.apiRestrictions.enableWithdrawals = false;
    const withdraw = await expectAppError(trader.deployments.create(liveInput), "CREDENTIAL_REJECTED");
    expect(withdraw.message).toMatch(/can withdraw funds/);
    await trader.credentials.testConnection({ credentialId: live.id });

    // Gate: only the 3 trades of the earlier paper deployment of this version.
    const gate = await expectAppError(trader.deployments.create(liveInput), "PROMOTION_GATE");
    expect(gate.message).toMatch(/has 3 closed paper\/testnet trade\(s\); at least 20/);
    expect(gate.message).toMatch(/type the strategy name "SMA 20\/50"/);

    // 20 trades, 55% winners, profit factor (11*3)/(9*2) = 1.83: passes.
    const paperRun = await trader.deployments.create(paper());
    await recordTrades(paperRun.id, [...Array(11).fill(3), ...Array(9).fill(-2)]);
    expect(await trader.deployments.promotionGate({ strategyId, number: 1 })).toEqual({
      passed: true,
      trades: 20 + 3, // plus the 3 trades of the earlier paper deployment of this version
      winRate: 13 / 23,
      profitFactor: (33 + 12.5 + 7.25) / (18 + 4),
      reasons: [],
    });
    const deployed = await trader.deployments.create(liveInput);
    expect(deployed.mode).toBe("live");
  });

  it("lets a user override the gate only by typing the strategy name, and audits it", async () => {
    const s = await trader.strategies.create({
      name: "Untested idea",
      graph: smaCrossover(5, 15),
      message: "v1",
    });
    const [live] = (await trader.credentials.list()).filter((c) => c.mode === "live");
    const input = {
      ...paper(),
      strategyId: s.id,
      mode: "live" as const,
      credentialId: live!.id,
      paperCash: undefined,
    };
    await expectAppError(
      trader.deployments.create({ ...input, overrideConfirmation: "yes" }),
      "PROMOTION_GATE",
    );
    const d = await trader.deployments.create({ ...input, overrideConfirmation: "Untested idea" });
    const audit = await trader.audit.list({ subjectId: d.id });
    expect(audit.map((a) => a.action)).toEqual(["deployment.promotionGateOverridden", "deployment.created"]);
    expect(audit[0]!.details).toMatchObject({ trades: 0, typedConfirmation: "Untested idea" });
    expect((await trader.deployments.events({ deploymentId: d.id }))[0]!.level).toBe("warn");
  });

  it("refuses testnet keys for live and keys for paper", async () => {
    const testnet = await trader.credentials.add({
      label: "Test",
      exchange: "binance",
      mode: "testnet",
      apiKey: stub.apiKey,
      secret: stub.secret,
    });
    const wrongMode = await expectAppError(
      trader.deployments.create({ ...paper(), mode: "live", credentialId: testnet.id }),
      "VALIDATION_FAILED",
    );
    expect(wrongMode.message).toMatch(/is a testnet key; a live deployment needs a live key/);
    await expectAppError(
      trader.deployments.create({ ...paper(), credentialId: testnet.id }),
      "VALIDATION_FAILED",
    );
    const t = await trader.deployments.create({ ...paper(), mode: "testnet", credentialId: testnet.id });
    expect(t.credentialId).toBe(testnet.id);
  });

  it("takes several symbols for paper but one for testnet and live, and no symbol twice", async () => {
    const [testnet] = (await trader.credentials.list()).filter((c) => c.mode === "testnet");
    const [live] = (await trader.credentials.list()).filter((c) => c.mode === "live");
    const two = ["btc/usdt", "eth/usdt"];
    const oneSymbolOnly =
      "symbols: testnet and live deployments trade one symbol for now; deploy one per symbol.";
    const onTestnet = await expectAppError(
      trader.deployments.create({ ...paper(), mode: "testnet", credentialId: testnet!.id, symbols: two }),
      "VALIDATION_FAILED",
    );
    expect(onTestnet.message).toBe(oneSymbolOnly);
    const onLive = await expectAppError(
      trader.deployments.create({
        ...paper(),
        mode: "live",
        credentialId: live!.id,
        paperCash: undefined,
        symbols: two,
      }),
      "VALIDATION_FAILED",
    );
    expect(onLive.message).toBe(oneSymbolOnly);
    const repeated = await expectAppError(
      trader.deployments.create({ ...paper(), symbols: ["BTC/USDT", "btc/usdt"] }),
      "VALIDATION_FAILED",
    );
    expect(repeated.message).toBe("symbols: BTC/USDT is listed twice; list each symbol once.");

    const before = await h.db.prisma.deployment.count();
    const portfolio = await trader.deployments.create({ ...paper(), symbols: two });
    expect(portfolio.symbols).toEqual(["BTC/USDT", "ETH/USDT"]);
    expect(await h.db.prisma.deployment.count()).toBe(before + 1); // the refused ones left no row
    const single = await trader.deployments.create({
      ...paper(),
      mode: "testnet",
      credentialId: testnet!.id,
      symbols: ["eth/usdt"],
    });
    expect(single.symbols).toEqual(["ETH/USDT"]);
  });

  it("will not delete a strategy or remove a key while a deployment wants to run", async () => {
    const [testnet] = (await trader.credentials.list()).filter((c) => c.mode === "testnet");
    const d = await trader.deployments.create({ ...paper(), mode: "testnet", credentialId: testnet!.id });
    await trader.deployments.start({ deploymentId: d.id });
    await expectAppError(trader.strategies.delete({ strategyId }), "CONFLICT");
    await expectAppError(trader.credentials.remove({ credentialId: testnet!.id }), "CONFLICT");
    await trader.deployments.stop({ deploymentId: d.id });
  });
});
