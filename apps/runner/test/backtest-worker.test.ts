import { decodeRunResult } from "@tradegraph/contracts";
import { runBacktest } from "@tradegraph/engine";
import { describe, expect, it } from "vitest";
import { loadRunCandles } from "../src/backtests/load-candles.ts";
import { useBacktestWorker } from "./helpers/backtest-worker-fixture.ts";
import { createQueuedRun, exampleGraph, storedSettings, YEAR_2024 } from "./helpers/runs.ts";

describe("backtest worker (real PostgreSQL, Redis, BullMQ, bundled candles)", () => {
  const backtests = useBacktestWorker();

  it("runs the stored version on 2024 BTC/USDT 1h candles, reports progress and stores exactly the engine's result", async () => {
    const graph = exampleGraph("sma-crossover");
    const stored = storedSettings(YEAR_2024);
    const { runId, userId } = await createQueuedRun(backtests.db.prisma, graph, stored);
    const fractions: number[] = [];
    backtests.events.on("progress", ({ jobId, data }) => {
      if (jobId === runId) fractions.push((data as { fraction: number }).fraction);
    });
    const job = await backtests.queue.add("run", { runId, ownerId: userId }, { jobId: runId, attempts: 3 });
    const returned = await job.waitUntilFinished(backtests.events, 60_000);

    const expected = runBacktest({
      candles: await loadRunCandles(null, stored),
      graph,
      settings: stored.settings,
    });
    expect(expected.trades.length).toBeGreaterThan(0);
    expect(returned).toMatchObject({ runId, status: "succeeded", trades: expected.trades.length });
    const row = await backtests.db.prisma.backtestRun.findUniqueOrThrow({ where: { id: runId } });
    expect(row.status).toBe("succeeded");
    expect(row.progress).toBe(1);
    expect(row.resultBytes).toBe(row.result?.length);
    const decoded = decodeRunResult(row.result!) as { trades: unknown[]; equity: { equity: number[] } };
    expect(decoded.trades).toHaveLength(expected.trades.length);
    expect(decoded.equity.equity.at(-1)).toBe(expected.equity.at(-1));
    expect((row.metrics as { totalReturn?: number }).totalReturn).toBe(expected.metrics.totalReturn);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it("fails a graph that does not compile at once, without retries, and says why on the row", async () => {
    const graph = exampleGraph("sma-crossover") as { nodes: { type: string }[] };
    graph.nodes[1]!.type = "indicator.doesNotExist";
    const { runId, userId } = await createQueuedRun(backtests.db.prisma, graph, storedSettings(YEAR_2024));
    const job = await backtests.queue.add(
      "run",
      { runId, ownerId: userId },
      { jobId: runId, attempts: 3, backoff: { type: "fixed", delay: 100 } },
    );
    await expect(job.waitUntilFinished(backtests.events, 30_000)).rejects.toThrow(/Strategy error/);
    const failed = await backtests.queue.getJob(runId);
    expect(failed?.attemptsMade).toBe(1);
    const row = await backtests.db.prisma.backtestRun.findUniqueOrThrow({ where: { id: runId } });
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/Strategy error: [\s\S]*unknown node type "indicator.doesNotExist"/);
  });

  it("fails a range without candles without retrying", async () => {
    const range = { from: Date.UTC(2030, 0, 1), to: Date.UTC(2030, 1, 1) };
    const { runId, userId } = await createQueuedRun(
      backtests.db.prisma,
      exampleGraph("sma-crossover"),
      storedSettings(range),
    );
    const job = await backtests.queue.add("run", { runId, ownerId: userId }, { jobId: runId, attempts: 3 });
    await expect(job.waitUntilFinished(backtests.events, 30_000)).rejects.toThrow(
      /No BTC\/USDT 1h candles between 2030-01-01/,
    );
    expect((await backtests.queue.getJob(runId))?.attemptsMade).toBe(1);
  });

  it("skips a run the user cancelled before a worker took it and leaves it cancelled", async () => {
    const { runId, userId } = await createQueuedRun(
      backtests.db.prisma,
      exampleGraph("sma-crossover"),
      storedSettings(YEAR_2024),
    );
    await backtests.db.prisma.backtestRun.update({ where: { id: runId }, data: { status: "cancelled" } });
    const job = await backtests.queue.add("run", { runId, ownerId: userId }, { jobId: runId });
    expect(await job.waitUntilFinished(backtests.events, 30_000)).toMatchObject({ status: "cancelled" });
    const row = await backtests.db.prisma.backtestRun.findUniqueOrThrow({ where: { id: runId } });
    expect(row.status).toBe("cancelled");
    expect(row.result).toBeNull();
  });
});
