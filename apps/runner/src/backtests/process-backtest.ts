import {
  type BacktestJobData,
  backtestJobDataSchema,
  encodeRunResult,
  type StoredBacktestSettings,
} from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";
import { compileGraph, planStrategy, resultToJson, runBacktest } from "@tradegraph/engine";
import type { CandleStore } from "@tradegraph/market-data";
import { type Job, UnrecoverableError } from "bullmq";
import { loadRunCandles, MissingCandlesError } from "./load-candles.ts";

export interface BacktestJobResult {
  runId: string;
  status: "succeeded" | "cancelled";
  trades: number;
  storedBytes: number;
}

export interface BacktestProcessorDeps {
  prisma: PrismaClient;
  /** Candle store for reads; null = bundled files only. */
  store: CandleStore | null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** True when this attempt is the job's last: the run row only turns `failed` then. */
function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * One backtest run: loads the version graph and settings from the BacktestRun row, candles from the store,
 * runs the engine, stores the compressed result. Strategy problems (graph does not compile, evaluation
 * throws, no candles) fail at once with UnrecoverableError; anything else (database or Redis hiccups)
 * is thrown as is so BullMQ retries it with the backoff the server set on the job.
 */
export async function processBacktest(
  deps: BacktestProcessorDeps,
  job: Job<BacktestJobData>,
  signal?: AbortSignal,
): Promise<BacktestJobResult> {
  const { runId } = backtestJobDataSchema.parse(job.data);
  const { prisma } = deps;
  const cancelled = (): BacktestJobResult => ({ runId, status: "cancelled", trades: 0, storedBytes: 0 });

  const run = await prisma.backtestRun.findUnique({
    where: { id: runId },
    select: { status: true, settings: true, strategyVersion: { select: { graph: true } } },
  });
  if (!run) throw new UnrecoverableError(`Backtest run ${runId} does not exist (deleted before it started).`);
  if (run.status === "cancelled") return cancelled();
  // Only a queued (or, after a crash of another worker, running) row may be taken over.
  const claimed = await prisma.backtestRun.updateMany({
    where: { id: runId, status: { in: ["queued", "running"] } },
    data: { status: "running", startedAt: new Date(), progress: 0, error: null },
  });
  if (claimed.count === 0) return cancelled();
  await job.updateProgress({ fraction: 0, note: "loading candles" });

  try {
    const settings = run.settings as unknown as StoredBacktestSettings;
    const candles = await loadRunCandles(deps.store, settings);
    if (signal?.aborted) return cancelled();
    let createStrategy: ReturnType<typeof planStrategy>;
    let result: ReturnType<typeof runBacktest>;
    const reports: Promise<unknown>[] = [];
    try {
      createStrategy = planStrategy(compileGraph(run.strategyVersion.graph));
      let lastTenth = -1;
      result = runBacktest({
        candles,
        createStrategy,
        settings: settings.settings,
        onProgress: (fraction) => {
          const tenth = Math.floor(fraction * 10);
          if (tenth <= lastTenth) return;
          lastTenth = tenth;
          const bar = `bar ${Math.round(fraction * 100)}%`;
          reports.push(job.updateProgress({ fraction, note: bar }));
          reports.push(prisma.backtestRun.update({ where: { id: runId }, data: { progress: fraction } }));
        },
      });
    } catch (error) {
      throw new UnrecoverableError(`Strategy error: ${message(error)}`);
    }
    await Promise.all(reports);
    if (signal?.aborted) return cancelled();

    const json = resultToJson(result);
    const bytes = encodeRunResult({
      ...json,
      // Columns, not point objects: the stored form stays compact (contracts: encodeRunResult).
      equity: {
        time: Array.from(result.time),
        equity: Array.from(result.equity),
        drawdown: Array.from(result.drawdown),
      },
    });
    // Guarded on status so a cancel that landed while we ran is not overwritten.
    const saved = await prisma.backtestRun.updateMany({
      where: { id: runId, status: "running" },
      data: {
        status: "succeeded",
        progress: 1,
        metrics: JSON.parse(JSON.stringify(result.metrics)),
        result: bytes as Uint8Array<ArrayBuffer>,
        resultBytes: bytes.length,
        finishedAt: new Date(),
      },
    });
    if (saved.count === 0) return cancelled();
    return { runId, status: "succeeded", trades: result.trades.length, storedBytes: bytes.length };
  } catch (caught) {
    const error = caught instanceof MissingCandlesError ? new UnrecoverableError(caught.message) : caught;
    if (error instanceof UnrecoverableError || isLastAttempt(job)) {
      await prisma.backtestRun.updateMany({
        where: { id: runId, status: "running" },
        data: { status: "failed", error: message(error), finishedAt: new Date() },
      });
    } else {
      // Back to queued while BullMQ waits out the backoff.
      await prisma.backtestRun
        .updateMany({ where: { id: runId, status: "running" }, data: { status: "queued" } })
        .catch(() => {});
    }
    throw error;
  }
}
