export { loadRunCandles, MissingCandlesError } from "./backtests/load-candles.ts";
export { type BacktestJobResult, processBacktest } from "./backtests/process-backtest.ts";
export { summariseCandleFile } from "./skeleton/summarise-candle-file.ts";
export { readWorkerSettings, type WorkerSettings } from "./worker-settings.ts";
export { createBackfillWorker } from "./workers/backfills.ts";
export { createBacktestWorker } from "./workers/backtests.ts";
export { candlesDir, createSkeletonWorker, type SkeletonWorkerOptions } from "./workers/skeleton.ts";
