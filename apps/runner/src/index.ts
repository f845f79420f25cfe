export { summariseCandleFile } from "./skeleton/summarise-candle-file.ts";
export { candlesDir, createSkeletonWorker, type SkeletonWorkerOptions } from "./workers/skeleton.ts";
