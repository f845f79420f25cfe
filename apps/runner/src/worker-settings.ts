// Worker tuning read from the environment. These sit next to RUNNER_CONCURRENCY (packages/config) but are
// runner-only knobs, so they live here: stalled-job recovery must be tunable per deployment (and short in tests).

export interface WorkerSettings {
  /** Jobs one process works on at the same time, per queue. */
  backtestConcurrency: number;
  backfillConcurrency: number;
  /** How long a job lock lives without renewal; a killed worker's job is free again after this. */
  lockDurationMs: number;
  /** How often each worker looks for jobs whose lock expired (stalled) and puts them back. */
  stalledIntervalMs: number;
  /** Times a job may stall before it is failed (protects against a job that crashes every worker). */
  maxStalledCount: number;
  /** How often a deployment asks the exchange whether a candle closed (unset: a sixth of the timeframe, ≤ 10 s). */
  candlePollMs: number | undefined;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}, got "${raw}".`);
  }
  return value;
}

export function readWorkerSettings(env: NodeJS.ProcessEnv, runnerConcurrency: number): WorkerSettings {
  return {
    backtestConcurrency: positiveInteger(env, "RUNNER_BACKTEST_CONCURRENCY", runnerConcurrency, 64),
    backfillConcurrency: positiveInteger(env, "RUNNER_BACKFILL_CONCURRENCY", 1, 16),
    lockDurationMs: positiveInteger(env, "RUNNER_LOCK_DURATION_MS", 30_000, 600_000),
    stalledIntervalMs: positiveInteger(env, "RUNNER_STALLED_INTERVAL_MS", 30_000, 600_000),
    maxStalledCount: positiveInteger(env, "RUNNER_MAX_STALLED_COUNT", 2, 100),
    candlePollMs: env.RUNNER_CANDLE_POLL_MS?.trim()
      ? positiveInteger(env, "RUNNER_CANDLE_POLL_MS", 1, 60_000)
      : undefined,
  };
}
