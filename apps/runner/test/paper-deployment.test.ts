import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { candleAt } from "@tradegraph/market-data";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import type { CandleColumns } from "@tradegraph/nodes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeploymentLoop } from "../src/deployments/deployment-loop.ts";
import { bundledMinutes, MINUTE, sleep, start, startMinuteStub } from "./helpers/exchange-fixture.ts";
import { runPaperOnStub } from "./helpers/paper-run.ts";
import { createDeployment, exampleGraph } from "./helpers/runs.ts";

const BARS = 400;

describe("a paper deployment on live candles from the exchange stub (real ccxt, PostgreSQL)", () => {
  let db: TestDatabase;
  let stub: ExchangeStub;
  let minutes: CandleColumns;
  beforeAll(async () => {
    db = await createTestDatabase();
    minutes = await bundledMinutes(BARS + 5);
    stub = await startMinuteStub(minutes, { balances: {} });
  });
  afterAll(async () => {
    await stub?.stop();
    await db?.drop();
  });

  it("trades every closed candle once and records exactly the trades a replay of those candles gives", async () => {
    const graph = exampleGraph("sma-crossover");
    const { deployment } = await createDeployment(db.prisma, graph);
    const { recorded, stop } = runPaperOnStub(db.prisma, deployment.id, stub, { after: start - MINUTE });
    // A long stretch closes at once (catch-up), then candles close one by one.
    stub.setNow(start + (BARS - 20) * MINUTE + 15_000);
    for (let k = BARS - 20; k < BARS; k++) {
      for (let i = 0; i < 4000 && recorded.length < k; i++) await sleep(5);
      stub.advance(MINUTE);
    }
    for (let i = 0; i < 4000 && recorded.length < BARS; i++) await sleep(5);
    const loop = await stop();

    expect(recorded).toEqual(Array.from(minutes.time.slice(0, BARS)));
    const replay = new DeploymentLoop({
      mode: "paper",
      graph,
      symbols: ["BTC/USDT"],
      timeframeMs: MINUTE,
      settings: { initialCash: 10_000 },
    });
    for (let i = 0; i < BARS; i++) {
      replay.onClosedCandle("BTC/USDT", candleAt(minutes, i));
    }
    expect(replay.trades.length).toBeGreaterThan(0);
    expect(loop.trades).toEqual(replay.trades);
    const rows = await db.prisma.deploymentTrade.findMany({
      where: { deploymentId: deployment.id },
      orderBy: { entryTime: "asc" },
    });
    expect(
      rows.map((r) => [
        r.entryTime.getTime(),
        Number(r.entryPrice),
        r.exitTime.getTime(),
        Number(r.exitPrice),
      ]),
    ).toEqual(replay.trades.map((t) => [t.entryTime, t.entryPrice, t.exitTime, t.exitPrice]));
    const row = await db.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
    expect(row.status).toBe("stopped");
    expect(row.lastHeartbeatAt).toBeInstanceOf(Date);
  });
});
