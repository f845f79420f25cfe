import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { bundledFile, createExchange, readCandleFile } from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import type { CandleColumns } from "@tradegraph/nodes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeploymentLoop } from "../src/deployments/deployment-loop.ts";
import { runPaperDeployment } from "../src/deployments/run-deployment.ts";
import { createQueuedRun, exampleGraph, storedSettings, YEAR_2024 } from "./helpers/runs.ts";

const MINUTE = 60_000;
const start = Date.UTC(2025, 6, 1);
const BARS = 400;

function slice(c: CandleColumns, from: number, n: number): CandleColumns {
  return {
    time: c.time.slice(from, from + n),
    open: c.open.slice(from, from + n),
    high: c.high.slice(from, from + n),
    low: c.low.slice(from, from + n),
    close: c.close.slice(from, from + n),
    volume: c.volume.slice(from, from + n),
  };
}

describe("a paper deployment on live candles from the exchange stub (real ccxt, PostgreSQL)", () => {
  let db: TestDatabase;
  let stub: ExchangeStub;
  let minutes: CandleColumns;
  beforeAll(async () => {
    db = await createTestDatabase();
    const parsed = await readCandleFile(bundledFile("BTC/USDT", "1m").path, { timeframe: "1m" });
    if (!parsed.ok) throw new Error("bundled 1m candles do not parse");
    const all = parsed.candles as CandleColumns;
    minutes = slice(all, all.time.indexOf(start), BARS + 5);
    stub = await startExchangeStub({ candles: { "BTC/USDT": { "1m": minutes } }, now: start + 15_000 });
  });
  afterAll(async () => {
    await stub?.stop();
    await db?.drop();
  });

  it("trades every closed candle once and records exactly the trades a replay of those candles gives", async () => {
    const graph = exampleGraph("sma-crossover");
    const { userId, versionId } = await createQueuedRun(db.prisma, graph, storedSettings(YEAR_2024));
    const deployment = await db.prisma.deployment.create({
      data: {
        ownerId: userId,
        strategyVersionId: versionId,
        mode: "paper",
        symbols: ["BTC/USDT"],
        timeframe: "1m",
        paperCash: 10_000,
        riskLimits: {},
      },
    });
    const recorded: number[] = [];
    const abort = new AbortController();
    const running = runPaperDeployment({
      prisma: db.prisma,
      deploymentId: deployment.id,
      exchange: createExchange("binance", stub.ccxtConfig()),
      signal: abort.signal,
      after: start - MINUTE,
      pollIntervalMs: 10,
      onCandleRecorded: (time) => recorded.push(time),
    });
    // A long stretch closes at once (catch-up), then candles close one by one.
    stub.setNow(start + (BARS - 20) * MINUTE + 15_000);
    for (let k = BARS - 20; k < BARS; k++) {
      for (let i = 0; i < 4000 && recorded.length < k; i++) await new Promise((r) => setTimeout(r, 5));
      stub.advance(MINUTE);
    }
    for (let i = 0; i < 4000 && recorded.length < BARS; i++) await new Promise((r) => setTimeout(r, 5));
    abort.abort();
    const loop = await running;

    expect(recorded).toEqual(Array.from(minutes.time.slice(0, BARS)));
    const replay = new DeploymentLoop({
      mode: "paper",
      graph,
      symbols: ["BTC/USDT"],
      timeframeMs: MINUTE,
      settings: { initialCash: 10_000 },
    });
    for (let i = 0; i < BARS; i++) {
      replay.onClosedCandle("BTC/USDT", {
        time: minutes.time[i]!,
        open: minutes.open[i]!,
        high: minutes.high[i]!,
        low: minutes.low[i]!,
        close: minutes.close[i]!,
        volume: minutes.volume[i]!,
      });
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
