import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseExitLevels } from "../src/deployments/exit-levels.ts";
import { createTestnetDeployment, runOnStub, sleep, startMinuteStub } from "./helpers/exchange-fixture.ts";
import {
  crossoverWithStopAndTarget,
  LIVE_FROM,
  MINUTE,
  market,
  STOP_PCT,
  start,
  TARGET_PCT,
} from "./helpers/stop-target-market.ts";

describe("after a restart the restored position keeps its stop and target (real ccxt against the stub)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  /**
   * First life: enters on the up-cross and is stopped (no flattening) 7 bars later. Second life: restarted
   * from the database and the exchange alone, it runs until the position exits (or the bars run out).
   */
  async function enterStopAndRestart(wicks: Record<number, { high?: number; low?: number }>) {
    const stub = await startMinuteStub(market(wicks));
    const deployment = await createTestnetDeployment(db.prisma, crossoverWithStopAndTarget());
    const life = (after: number) => runOnStub(db.prisma, deployment.id, stub, { after });

    const first = life(start - MINUTE);
    for (let k = 1; k <= 30; k++) await first.step(k);
    const firstLoop = await first.stop();
    const entered = firstLoop.session.slots[0]!;
    const levels = {
      quantity: entered.quantity,
      entryPrice: entered.entryPrice,
      stopLoss: entered.stopLoss,
      takeProfit: entered.takeProfit,
    };
    const sellsBefore = stub.orders().filter((o) => o.side === "SELL").length;
    const firstLifeOrders = new Set(stub.orders().map((o) => o.clientOrderId));
    const position = await db.prisma.position.findUniqueOrThrow({
      where: { deploymentId_symbol: { deploymentId: deployment.id, symbol: "BTC/USDT" } },
    });

    const second = life(first.recorded.at(-1)!);
    // The restarted run has re-armed the position (a new resting sell) before its first candle.
    const restingNew = () =>
      stub
        .orders()
        .filter((o) => o.side === "SELL" && o.status === "NEW" && !firstLifeOrders.has(o.clientOrderId));
    for (let i = 0; i < 4000 && restingNew().length === 0; i++) await sleep(5);
    const rearmed = restingNew();
    for (let k = 1; k <= 60; k++) {
      await second.step(k);
      if (stub.orders().filter((o) => o.side === "SELL" && o.executedQty > 0).length > 0) break;
    }
    // One more bar: an exit sent twice would show up here.
    await second.step(second.recorded.length + 1);
    const loop = await second.stop();
    await stub.stop();
    return { deployment, stub, levels, position, sellsBefore, rearmed, loop, firstTrades: firstLoop.trades };
  }

  it("a restored position's stop fires at its level: a wick to just above it does nothing, one through it exits once", async () => {
    // Entry at 101.15 → stop 99.127. Candle 250 dips to 99.2 (above), candle 255 to 99.0 (through it).
    const run = await enterStopAndRestart({ 250: { low: 99.2 }, 255: { low: 99.0 } });
    expect(run.firstTrades).toHaveLength(0);
    expect(run.levels.quantity).toBeGreaterThan(0);
    expect(run.levels.entryPrice).toBeCloseTo(101.15, 10);
    expect(run.levels.stopLoss).toBeCloseTo(101.15 * (1 - STOP_PCT / 100), 10);
    expect(run.sellsBefore).toBe(1); // the target rested by the first life
    // Saved with the position, exactly as the engine held them.
    const stored = parseExitLevels(run.position.exitLevels);
    expect(stored?.stopLoss).toBe(run.levels.stopLoss);
    expect(stored?.takeProfit).toBe(run.levels.takeProfit);
    expect(stored?.entryNodeId).toBe("buy");

    // The restart put the target back on the exchange for the whole position.
    expect(run.rearmed).toHaveLength(1);
    expect(run.rearmed[0]!.price).toBeCloseTo(run.levels.takeProfit, 2);
    expect(run.rearmed[0]!.origQty).toBeCloseTo(run.levels.quantity, 4);

    // Exactly one exit, on the candle whose low went through the stop, as a stop-loss.
    expect(run.loop.trades).toHaveLength(1);
    const trade = run.loop.trades[0]!;
    expect(trade.exitReason).toBe("stopLoss");
    expect(trade.exitTime).toBeGreaterThanOrEqual(start + (255 - LIVE_FROM) * MINUTE);
    expect(trade.exitTime).toBeLessThan(start + (257 - LIVE_FROM) * MINUTE);
    expect(trade.entryPrice).toBeCloseTo(101.15, 10);
    // A stop watched on closed bars sells at market after that close (102 here: the dip was a wick).
    expect(trade.exitPrice).toBeCloseTo(102, 8);
    const sells = run.stub.orders().filter((o) => o.side === "SELL");
    const filledSells = sells.filter((o) => o.executedQty > 0);
    expect(filledSells).toHaveLength(1);
    expect(filledSells[0]!.type).toBe("MARKET");
    // The re-armed target was cancelled before the market sell; nothing rests or stays locked.
    expect(sells.find((o) => o.clientOrderId === run.rearmed[0]!.clientOrderId)?.status).toBe("CANCELED");
    expect(sells.some((o) => o.status === "NEW")).toBe(false);
    const balances = run.stub.balances();
    expect(balances.BTC?.locked ?? 0).toBe(0);
    expect(balances.BTC?.free ?? 0).toBeLessThan(0.001);
    // Flat: the row forgets the levels.
    const row = await db.prisma.position.findUniqueOrThrow({
      where: { deploymentId_symbol: { deploymentId: run.deployment.id, symbol: "BTC/USDT" } },
    });
    expect(Number(row.quantity)).toBe(0);
    expect(row.exitLevels).toBeNull();
  });

  it("a restored position's target rests on the exchange again and fills at its price, once", async () => {
    // Entry at 101.15 → target 103.173 (103.17 to the tick). Candle 250 reaches 103.1, candle 255 103.5.
    const run = await enterStopAndRestart({ 250: { high: 103.1 }, 255: { high: 103.5 } });
    expect(run.levels.takeProfit).toBeCloseTo(101.15 * (1 + TARGET_PCT / 100), 10);
    expect(run.rearmed).toHaveLength(1);

    expect(run.loop.trades).toHaveLength(1);
    const trade = run.loop.trades[0]!;
    expect(trade.exitReason).toBe("takeProfit");
    expect(trade.exitPrice).toBe(103.17);
    expect(trade.exitTime).toBe(start + (255 - LIVE_FROM) * MINUTE);
    const filledSells = run.stub.orders().filter((o) => o.side === "SELL" && o.executedQty > 0);
    expect(filledSells).toHaveLength(1);
    expect(filledSells[0]!.clientOrderId).toBe(run.rearmed[0]!.clientOrderId);
    expect(filledSells[0]!.status).toBe("FILLED");
    expect(run.stub.balances().BTC?.locked ?? 0).toBe(0);
    const events = await db.prisma.deploymentEvent.findMany({
      where: { deploymentId: run.deployment.id, kind: "position.restored" },
    });
    expect(events.map((e) => e.level)).toEqual(["info"]);
  });
});
