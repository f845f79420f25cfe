import {
  BACKTEST_CANCEL_CHANNEL,
  decodeRunResult,
  FINISHED_RUN_STATUSES,
  type RunStatus,
  type StoredBacktestSettings,
  type startBacktestInput,
} from "@tradegraph/contracts";
import type { Prisma } from "@tradegraph/db";
import type { z } from "zod";
import { AppError, notFound } from "../app-error.ts";
import type { Caller, ServerDeps } from "../deps.ts";
import { ownStrategy } from "../strategies/strategies.ts";

export const runSelect = {
  id: true,
  status: true,
  progress: true,
  metrics: true,
  error: true,
  settings: true,
  resultBytes: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  strategyVersion: { select: { number: true, strategyId: true } },
} as const;

type RunRow = Prisma.BacktestRunGetPayload<{ select: typeof runSelect }>;

export function runView(row: RunRow) {
  const { strategyVersion, settings, ...rest } = row;
  return {
    ...rest,
    settings: settings as unknown as StoredBacktestSettings,
    strategyId: strategyVersion.strategyId,
    versionNumber: strategyVersion.number,
  };
}
export type RunView = ReturnType<typeof runView>;

export async function ownRun(deps: ServerDeps, caller: Caller, runId: string) {
  const row = await deps.prisma.backtestRun.findFirst({
    where: { id: runId, ownerId: caller.userId },
    select: runSelect,
  });
  if (!row) throw notFound("backtest run");
  return runView(row);
}

/** Creates the run row and enqueues it; returns at once (a runner process does the work). */
export async function startBacktest(
  deps: ServerDeps,
  caller: Caller,
  input: z.output<typeof startBacktestInput>,
) {
  await ownStrategy(deps, caller, input.strategyId);
  const version = await deps.prisma.strategyVersion.findUnique({
    where: { strategyId_number: { strategyId: input.strategyId, number: input.versionNumber } },
    select: { id: true },
  });
  if (!version) throw notFound("version");
  const stored: StoredBacktestSettings = {
    symbols: input.symbols,
    timeframe: input.timeframe,
    from: input.from,
    to: input.to,
    settings: input.settings,
  };
  const row = await deps.prisma.backtestRun.create({
    data: {
      ownerId: caller.userId,
      strategyVersionId: version.id,
      settings: stored as unknown as Prisma.InputJsonObject,
    },
    select: runSelect,
  });
  try {
    // Retries cover a runner dying mid-job; the worker fails strategy errors without retry (UnrecoverableError).
    await deps.queues.backtests.add(
      "backtest",
      { runId: row.id, ownerId: caller.userId },
      {
        jobId: row.id,
        attempts: 3,
        backoff: { type: "exponential", delay: 2000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    );
  } catch (error) {
    deps.logger.error({ runId: row.id, reason: String(error) }, "could not enqueue backtest");
    await deps.prisma.backtestRun.update({
      where: { id: row.id },
      data: {
        status: "failed",
        error: "The job queue (Redis) was unreachable; start the backtest again.",
        finishedAt: new Date(),
      },
    });
    throw new AppError(
      "INTERNAL",
      "The job queue is unreachable right now; start the backtest again in a minute.",
    );
  }
  return runView(row);
}

export async function listRuns(
  deps: ServerDeps,
  caller: Caller,
  input: { strategyId: string; limit: number },
) {
  await ownStrategy(deps, caller, input.strategyId);
  const rows = await deps.prisma.backtestRun.findMany({
    where: { ownerId: caller.userId, strategyVersion: { strategyId: input.strategyId } },
    orderBy: { createdAt: "desc" },
    take: input.limit,
    select: runSelect,
  });
  return rows.map(runView);
}

/** Full result (trades, orders, equity) decoded from its compact stored form. */
export async function runResult(deps: ServerDeps, caller: Caller, runId: string) {
  const run = await ownRun(deps, caller, runId);
  if (run.status !== "succeeded") {
    throw new AppError("CONFLICT", `This backtest has no result: it is ${run.status}.`);
  }
  const row = await deps.prisma.backtestRun.findUniqueOrThrow({
    where: { id: runId },
    select: { result: true },
  });
  if (!row.result) throw new AppError("INTERNAL", "This backtest finished but its result was not stored.");
  return { run, result: decodeRunResult(row.result) };
}

export async function cancelRun(deps: ServerDeps, caller: Caller, runId: string) {
  const run = await ownRun(deps, caller, runId);
  if (FINISHED_RUN_STATUSES.includes(run.status as RunStatus)) {
    throw new AppError(
      "CONFLICT",
      `This backtest already ${run.status === "cancelled" ? "was cancelled" : run.status}.`,
    );
  }
  const updated = await deps.prisma.backtestRun.updateMany({
    where: { id: runId, status: { in: ["queued", "running"] } },
    data: { status: "cancelled", finishedAt: new Date(), error: "Cancelled by the user." },
  });
  if (updated.count === 0)
    throw new AppError("CONFLICT", "This backtest finished before it could be cancelled.");
  const job = await deps.queues.backtests.getJob(runId);
  const state = job ? await job.getState() : "unknown";
  if (job && (state === "waiting" || state === "delayed" || state === "prioritized")) {
    await job.remove();
  }
  // A runner working on it aborts through this channel (contracts: BACKTEST_CANCEL_CHANNEL).
  await deps.redis.publish(`${deps.redisPrefix}:${BACKTEST_CANCEL_CHANNEL}`, runId);
  return ownRun(deps, caller, runId);
}

const numericEntries = (metrics: unknown): [string, number][] =>
  metrics && typeof metrics === "object"
    ? Object.entries(metrics as Record<string, unknown>).filter(
        (e): e is [string, number] => typeof e[1] === "number",
      )
    : [];

/** Two runs side by side: every numeric metric with the difference B − A. */
export async function compareRuns(deps: ServerDeps, caller: Caller, runIdA: string, runIdB: string) {
  const a = await ownRun(deps, caller, runIdA);
  const b = await ownRun(deps, caller, runIdB);
  const bMetrics = new Map(numericEntries(b.metrics));
  const rows = numericEntries(a.metrics)
    .filter(([key]) => bMetrics.has(key))
    .map(([key, valueA]) => ({
      metric: key,
      a: valueA,
      b: bMetrics.get(key)!,
      difference: bMetrics.get(key)! - valueA,
    }));
  return { a, b, metrics: rows };
}
