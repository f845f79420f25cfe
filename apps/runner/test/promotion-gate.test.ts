import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertLiveAllowed, PromotionGateError } from "../src/deployments/promotion-gate.ts";
import { createQueuedRun, exampleGraph, storedSettings, YEAR_2024 } from "./helpers/runs.ts";

describe("promotion gate at deployment start (real PostgreSQL)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function deployment(userId: string, versionId: string, mode: "paper" | "live") {
    return db.prisma.deployment.create({
      data: {
        ownerId: userId,
        strategyVersionId: versionId,
        mode,
        symbols: ["BTC/USDT"],
        timeframe: "1h",
        riskLimits: {},
      },
    });
  }
  async function addTrades(deploymentId: string, pnls: number[]) {
    const t0 = Date.UTC(2024, 0, 1);
    await db.prisma.deploymentTrade.createMany({
      data: pnls.map((pnl, i) => ({
        deploymentId,
        symbol: "BTC/USDT",
        direction: "long",
        quantity: 0.01,
        entryTime: new Date(t0 + i * 7_200_000),
        entryPrice: 42_000,
        exitTime: new Date(t0 + i * 7_200_000 + 3_600_000),
        exitPrice: 42_000 + pnl * 100,
        fees: 0.84,
        pnl,
        exitReason: "signal",
      })),
    });
  }

  it("refuses live without enough paper trades and names every failed condition; paper always runs", async () => {
    const { userId, versionId } = await createQueuedRun(
      db.prisma,
      exampleGraph("sma-crossover"),
      storedSettings(YEAR_2024),
    );
    const paper = await deployment(userId, versionId, "paper");
    await addTrades(paper.id, [5, -3, 4]);
    await expect(assertLiveAllowed(db.prisma, paper.id)).resolves.toBeUndefined();
    const live = await deployment(userId, versionId, "live");
    await expect(assertLiveAllowed(db.prisma, live.id)).rejects.toThrow(PromotionGateError);
    await expect(assertLiveAllowed(db.prisma, live.id)).rejects.toThrow(
      "3 closed paper/testnet trades (at least 20 needed)",
    );

    // 17 more (12 × +5, 5 × -3): 20 trades, 14 wins (70%), profit factor 69/18 ≈ 3.8.
    await addTrades(paper.id, [...Array(12).fill(5), ...Array(5).fill(-3)]);
    await expect(assertLiveAllowed(db.prisma, live.id)).resolves.toBeUndefined();
  });

  it("lets a live deployment through when the typed override is in the audit log", async () => {
    const { userId, versionId } = await createQueuedRun(
      db.prisma,
      exampleGraph("sma-crossover"),
      storedSettings(YEAR_2024),
    );
    const live = await deployment(userId, versionId, "live");
    await expect(assertLiveAllowed(db.prisma, live.id)).rejects.toThrow(/win rate 0\.0%/);
    await db.prisma.auditEvent.create({
      data: {
        userId,
        action: "deployment.promotionGateOverridden",
        subjectType: "deployment",
        subjectId: live.id,
        details: { typedConfirmation: "test" },
      },
    });
    await expect(assertLiveAllowed(db.prisma, live.id)).resolves.toBeUndefined();
  });
});
