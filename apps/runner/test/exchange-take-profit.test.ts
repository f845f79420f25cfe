import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import type { CandleColumns } from "@tradegraph/nodes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bundledMinutes,
  createTestnetDeployment,
  MINUTE,
  runOnStub,
  start,
  startMinuteStub,
} from "./helpers/exchange-fixture.ts";
import { exampleGraph } from "./helpers/runs.ts";

const BARS = 300;
const TARGET_PCT = 0.1;

/** The SMA crossover with a take-profit TARGET_PCT % above the entry on its buy order. */
function crossoverWithTarget(): unknown {
  const graph = exampleGraph("sma-crossover") as {
    nodes: object[];
    edges: object[];
  };
  graph.nodes.push({
    id: "target",
    type: "order.takeProfit",
    version: 1,
    params: { mode: "percent", percent: TARGET_PCT, minRewardRisk: 0 },
    position: { x: 0, y: 300 },
  });
  graph.edges.push({
    id: "eTarget",
    from: { node: "target", port: "rule" },
    to: { node: "buy", port: "exits" },
  });
  return graph;
}

describe("take-profit targets rest on the exchange as limit sells (real ccxt against the stub)", () => {
  let db: TestDatabase;
  let minutes: CandleColumns;
  beforeAll(async () => {
    db = await createTestDatabase();
    minutes = await bundledMinutes(BARS + 5);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("a target fills at its own price on the exchange; any other exit cancels it first; nothing is left resting", async () => {
    const stub = await startMinuteStub(minutes);
    try {
      const deployment = await createTestnetDeployment(db.prisma, crossoverWithTarget());
      const { recorded, step, stop } = runOnStub(db.prisma, deployment.id, stub, {
        flattenOnStop: () => true,
      });
      for (let k = 1; k <= BARS; k++) await step(k);
      const loop = await stop();
      expect(recorded).toEqual(Array.from(minutes.time.slice(0, BARS)));

      const limits = stub.orders().filter((o) => o.type === "LIMIT");
      const targets = loop.trades.filter((t) => t.exitReason === "takeProfit");
      expect(targets.length).toBeGreaterThan(0);
      // Every entry rested its target right away: one limit sell per round trip.
      expect(limits).toHaveLength(loop.trades.length);
      for (const trade of targets) {
        // Filled at the target (entry + TARGET_PCT %, to the tick), not at some later close.
        const limit = limits.find((o) => o.status === "FILLED" && Math.abs(o.price - trade.exitPrice) < 1e-6);
        expect(limit).toBeDefined();
        expect(trade.exitPrice).toBeCloseTo(trade.entryPrice * (1 + TARGET_PCT / 100), 1);
      }
      // The round trips that ended otherwise cancelled their target before selling at market.
      const otherExits = loop.trades.length - targets.length;
      expect(limits.filter((o) => o.status === "CANCELED")).toHaveLength(otherExits);
      expect(limits.some((o) => o.status === "NEW" || o.status === "PARTIALLY_FILLED")).toBe(false);

      // Recorded exactly as the exchange has it, and the books agree with the account.
      const orders = await db.prisma.order.findMany({ where: { deploymentId: deployment.id } });
      expect(new Set(orders.map((o) => o.clientOrderId))).toEqual(
        new Set(stub.orders().map((o) => o.clientOrderId)),
      );
      const byId = new Map(orders.map((o) => [o.clientOrderId, o.status]));
      for (const o of limits)
        expect(byId.get(o.clientOrderId)).toBe(o.status === "FILLED" ? "filled" : "cancelled");
      expect(await db.prisma.fill.count({ where: { deploymentId: deployment.id } })).toBe(
        stub.trades().length,
      );
      const balances = stub.balances();
      expect(balances.BTC?.locked ?? 0).toBe(0);
      const dustValue = (balances.BTC?.free ?? 0) * Math.max(...loop.trades.map((t) => t.exitPrice));
      expect(Math.abs(loop.session.portfolio.ledger.cash - balances.USDT!.free)).toBeLessThanOrEqual(
        dustValue + 1e-6,
      );
    } finally {
      await stub.stop();
    }
  });

  it("after a restart, a target left resting is cancelled first, the position is what the account holds and its target rests again", async () => {
    const stub = await startMinuteStub(minutes);
    try {
      const deployment = await createTestnetDeployment(db.prisma, crossoverWithTarget());
      const life = (after: number) => runOnStub(db.prisma, deployment.id, stub, { after });
      // First life: stops (no flattening) while a target rests on the exchange.
      const first = life(start - MINUTE);
      const resting = () => stub.orders().find((o) => o.type === "LIMIT" && o.status === "NEW");
      for (let k = 1; k <= BARS && !resting(); k++) await first.step(k);
      const left = resting();
      expect(left).toBeDefined();
      await first.stop();
      expect(stub.balances().BTC?.locked).toBeGreaterThan(0);

      // Second life: the leftover target is taken off before anything else (freeing the coins), then the
      // restored position's target rests again, for what the account holds.
      const second = life(first.recorded.at(-1)!);
      await second.step(1);
      const loop = await second.stop();
      expect(stub.orders().find((o) => o.clientOrderId === left!.clientOrderId)?.status).toBe("CANCELED");
      const row = await db.prisma.order.findUniqueOrThrow({ where: { clientOrderId: left!.clientOrderId } });
      expect(row.status).toBe("cancelled");
      const balances = stub.balances();
      const slot = loop.session.portfolio.slots[0]!;
      expect(slot.quantity).toBeGreaterThan(0);
      expect(slot.quantity).toBeCloseTo(balances.BTC!.free + balances.BTC!.locked, 12);
      const rearmed = stub.orders().filter((o) => o.type === "LIMIT" && o.status === "NEW");
      expect(rearmed).toHaveLength(1);
      expect(rearmed[0]!.clientOrderId).not.toBe(left!.clientOrderId);
      expect(rearmed[0]!.price).toBe(left!.price);
      expect(balances.BTC!.locked).toBeCloseTo(rearmed[0]!.origQty, 12);
      expect(slot.quantity - rearmed[0]!.origQty).toBeLessThan(0.00001); // rounded down to the lot step
    } finally {
      await stub.stop();
    }
  });
});
