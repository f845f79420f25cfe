import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import type { CandleColumns } from "@tradegraph/nodes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bundledMinutes,
  createTestnetDeployment,
  runOnStub,
  startMinuteStub,
} from "./helpers/exchange-fixture.ts";

const BARS = 240;
const OUTAGE_MS = 1500;

describe("an exchange outage mid-run (real ccxt against the stub): reconcile before acting again", () => {
  let db: TestDatabase;
  let minutes: CandleColumns;
  const stubs: ExchangeStub[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    minutes = await bundledMinutes(BARS + 5);
  });
  afterAll(async () => {
    for (const stub of stubs) await stub.stop();
    await db?.drop();
  });

  it.each([
    ["an entry", 1, /an entry of .* filled while the exchange was unreachable; booked/],
    ["an exit", 2, /an exit at .* filled while the exchange was unreachable; booked/],
  ])(
    "when %s reaches the exchange but its answer is lost in the outage, it is booked once and the books agree",
    async (_what, nth, reconciled) => {
      const stub = await startMinuteStub(minutes);
      stubs.push(stub);
      const deployment = await createTestnetDeployment(db.prisma);
      let sent = 0;
      let outageAt: string | undefined;
      const { recorded, step, stop } = runOnStub(db.prisma, deployment.id, stub, {
        timeoutMs: 1000,
        retry: { baseDelayMs: 20, attempts: 4 },
        flattenOnStop: () => true,
        // The exchange took the nth order, then goes down before its answer (status, fills) is read.
        afterSend: (clientOrderId) => {
          if (++sent !== nth) return;
          outageAt = clientOrderId;
          stub.setDown(503);
          setTimeout(() => stub.setDown(null), OUTAGE_MS);
        },
      });
      for (let k = 1; k <= BARS; k++) await step(k);
      const loop = await stop();

      expect(outageAt).toBeDefined();
      expect(stub.requests.filter((r) => r.status === 503).length).toBeGreaterThan(0);
      // Every candle was handled once; the deployment rode out the outage instead of failing.
      expect(recorded).toEqual(Array.from(minutes.time.slice(0, BARS)));
      const onExchange = stub.orders();
      const orders = await db.prisma.order.findMany({
        where: { deploymentId: deployment.id },
        orderBy: { createdAt: "asc" },
      });
      // Nothing doubled or lost: one buy and one sell per round trip, each recorded as filled.
      expect(loop.trades.length).toBeGreaterThan(1);
      expect(onExchange).toHaveLength(2 * loop.trades.length);
      expect(orders.map((o) => o.clientOrderId)).toEqual(onExchange.map((o) => o.clientOrderId));
      expect(orders.every((o) => o.status === "filled")).toBe(true);
      expect(await db.prisma.fill.count({ where: { deploymentId: deployment.id } })).toBe(
        stub.trades().length,
      );
      // The books are the exchange's: booked entry prices are its buy fills, and the cash is the account's.
      const buys = stub.trades().filter((t) => t.isBuyer);
      loop.trades.forEach((t, i) => {
        expect(t.entryPrice).toBeCloseTo(buys[i]!.price, 6);
      });
      const balances = stub.balances();
      const dustValue = (balances.BTC?.free ?? 0) * Math.max(...loop.trades.map((t) => t.exitPrice));
      expect(Math.abs(loop.session.portfolio.ledger.cash - balances.USDT!.free)).toBeLessThanOrEqual(
        dustValue + 1e-6,
      );
      const position = await db.prisma.position.findFirstOrThrow({ where: { deploymentId: deployment.id } });
      expect(Number(position.quantity)).toBe(0);
      // The reconcile said what it booked.
      const events = await db.prisma.deploymentEvent.findMany({
        where: { deploymentId: deployment.id, kind: "exchange.reconciled" },
      });
      expect(events.map((e) => e.message)).toContainEqual(expect.stringMatching(reconciled));
    },
  );
});
