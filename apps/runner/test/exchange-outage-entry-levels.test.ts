import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestnetDeployment, runOnStub, startMinuteStub } from "./helpers/exchange-fixture.ts";
import {
  crossoverWithStopAndTarget,
  ENTRY_PRICE,
  LIVE_FROM,
  MINUTE,
  market,
  STOP_PCT,
  start,
  TARGET_PCT,
} from "./helpers/stop-target-market.ts";

const OUTAGE_MS = 1500;

describe("an entry whose answer was lost in an outage is booked with its stop and target (real ccxt against the stub)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("the reconciled position rests its target and its stop fires once at its level", async () => {
    // Candle 250 dips to 99.2 (above the stop at 99.127), candle 255 to 99.0 (through it).
    const stub = await startMinuteStub(market({ 250: { low: 99.2 }, 255: { low: 99.0 } }));
    try {
      const deployment = await createTestnetDeployment(db.prisma, crossoverWithStopAndTarget());
      let entry: string | undefined;
      const { recorded, step, stop } = runOnStub(db.prisma, deployment.id, stub, {
        timeoutMs: 1000,
        retry: { baseDelayMs: 20, attempts: 4 },
        // The exchange takes the entry, then goes down before its answer (status, fills) is read.
        afterSend: (clientOrderId) => {
          if (entry !== undefined) return;
          entry = clientOrderId;
          stub.setDown(503);
          setTimeout(() => stub.setDown(null), OUTAGE_MS);
        },
      });
      const filledSells = () => stub.orders().filter((o) => o.side === "SELL" && o.executedQty > 0);
      for (let k = 1; k <= 70 && filledSells().length === 0; k++) await step(k);
      // One more bar: an exit sent twice would show up here.
      await step(recorded.length + 1);
      const loop = await stop();

      expect(entry).toBeDefined();
      expect(stub.requests.filter((r) => r.status === 503).length).toBeGreaterThan(0);
      const reconciled = await db.prisma.deploymentEvent.findMany({
        where: { deploymentId: deployment.id, kind: "exchange.reconciled" },
      });
      expect(reconciled.map((e) => e.message)).toContainEqual(
        expect.stringMatching(
          /an entry of .* filled while the exchange was unreachable; booked with its exit rules/,
        ),
      );
      // The booked entry got its target back on the exchange, at the level the entry's rules give.
      const limits = stub.orders().filter((o) => o.type === "LIMIT");
      expect(limits).toHaveLength(1);
      expect(limits[0]!.price).toBeCloseTo(ENTRY_PRICE * (1 + TARGET_PCT / 100), 2);

      // Exactly one exit, a stop-loss on the candle whose low went through the stop, not on the near miss.
      expect(loop.trades).toHaveLength(1);
      const trade = loop.trades[0]!;
      expect(trade.exitReason).toBe("stopLoss");
      expect(trade.entryPrice).toBeCloseTo(ENTRY_PRICE, 10);
      expect(trade.exitTime).toBeGreaterThanOrEqual(start + (255 - LIVE_FROM) * MINUTE);
      expect(trade.exitTime).toBeLessThan(start + (257 - LIVE_FROM) * MINUTE);
      expect(trade.rMultiple).not.toBeNull(); // the initial risk came from the stop the rules set
      expect(trade.pnl / trade.rMultiple!).toBeCloseTo(trade.quantity * ENTRY_PRICE * (STOP_PCT / 100), 6);
      expect(filledSells()).toHaveLength(1);
      expect(limits[0]!.status).toBe("CANCELED"); // taken off before the market sell
      expect(stub.balances().BTC?.locked ?? 0).toBe(0);
    } finally {
      await stub.stop();
    }
  });
});
