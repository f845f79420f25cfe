// A real BullMQ worker that runs backtests in the test process with packages/engine, standing in for
// the runner (another engineer's area) so the API's progress/result path is exercised end to end.
import type { RedisConnectionOptions } from "@tradegraph/config";
import {
  type BacktestJobData,
  encodeRunResult,
  QUEUE_NAMES,
  type StoredBacktestSettings,
} from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";
import { compileGraph, planStrategy, resultToJson, runBacktest } from "@tradegraph/engine";
import { bundledFile, readCandleFile } from "@tradegraph/market-data";
import { type CandleColumns, candlesInTimeRange } from "@tradegraph/nodes";
import { Worker } from "bullmq";

export function startBacktestWorker(
  prisma: PrismaClient,
  connection: RedisConnectionOptions,
  prefix: string,
) {
  return new Worker<BacktestJobData>(
    QUEUE_NAMES.backtests,
    async (job) => {
      const run = await prisma.backtestRun.findUniqueOrThrow({
        where: { id: job.data.runId },
        select: { status: true, settings: true, strategyVersion: { select: { graph: true } } },
      });
      if (run.status === "cancelled") return { skipped: true };
      await prisma.backtestRun.update({
        where: { id: job.data.runId },
        data: { status: "running", startedAt: new Date() },
      });
      const stored = run.settings as unknown as StoredBacktestSettings;
      const candles: Record<string, CandleColumns> = {};
      for (const symbol of stored.symbols) {
        const parsed = await readCandleFile(bundledFile(symbol, stored.timeframe).path, {
          timeframe: stored.timeframe,
        });
        if (!parsed.ok) throw new Error(`bundled ${symbol} ${stored.timeframe} candles do not parse`);
        candles[symbol] = candlesInTimeRange(parsed.candles as CandleColumns, stored.from, stored.to);
      }
      const reports: Promise<void>[] = [];
      let lastTenth = -1;
      const result = runBacktest({
        candles,
        createStrategy: planStrategy(compileGraph(run.strategyVersion.graph)),
        settings: stored.settings,
        onProgress: (fraction) => {
          const tenth = Math.floor(fraction * 10);
          if (tenth > lastTenth) {
            lastTenth = tenth;
            reports.push(job.updateProgress({ fraction, note: `bar ${Math.round(fraction * 100)}%` }));
          }
        },
      });
      await Promise.all(reports);
      const json = resultToJson(result);
      // Equity as columns, not point objects: the stored form stays compact.
      const stored_ = {
        ...json,
        equity: {
          time: Array.from(result.time),
          equity: Array.from(result.equity),
          drawdown: Array.from(result.drawdown),
        },
      };
      const bytes = encodeRunResult(stored_);
      await prisma.backtestRun.update({
        where: { id: job.data.runId },
        data: {
          status: "succeeded",
          progress: 1,
          metrics: JSON.parse(JSON.stringify(result.metrics)),
          result: bytes as Uint8Array<ArrayBuffer>,
          resultBytes: bytes.length,
          finishedAt: new Date(),
        },
      });
      return {
        trades: result.trades.length,
        jsonBytes: JSON.stringify(stored_).length,
        storedBytes: bytes.length,
      };
    },
    { connection, prefix, concurrency: 1 },
  );
}
