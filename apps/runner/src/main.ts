// The runner process: consumes BullMQ queues and records results in PostgreSQL.
import { keyringOf, redisConnectionOptions } from "@tradegraph/config";
import { QUEUE_NAMES } from "@tradegraph/contracts";
import { createPrismaClient, startUpOrExit } from "@tradegraph/db";
import { BACKFILL_QUEUE_NAME, CandleStore, createExchange } from "@tradegraph/market-data";
import { installOnnxRuntime } from "@tradegraph/ml-onnx";
import type { Worker } from "bullmq";
import { Redis } from "ioredis";
import { credentialExchangeFor } from "./exchange/credential-exchange.ts";
import { startHeartbeat } from "./heartbeat.ts";
import { readWorkerSettings } from "./worker-settings.ts";
import { createBackfillWorker } from "./workers/backfills.ts";
import { createBacktestWorker } from "./workers/backtests.ts";
import { createDeploymentWorker } from "./workers/deployments.ts";
import { createSkeletonWorker } from "./workers/skeleton.ts";

const config = await startUpOrExit("runner");
// Backtests and deployments of strategies with `model: onnx` predictors load their files from MODELS_DIR.
installOnnxRuntime(config.modelsDir);
const settings = readWorkerSettings(process.env, config.runnerConcurrency);
const prisma = createPrismaClient(config.databaseUrl);
const store = CandleStore.open(config.databaseUrl);
const connection = redisConnectionOptions(config.redisUrl);
const prefix = config.redisPrefix;
const backtests = await createBacktestWorker({ prisma, store, connection, prefix, settings });
// Paper deployments read closed candles from Binance (the exchange the bundled data comes from);
// testnet/live ones trade with their own stored key. EXCHANGE_API_URLS replaces either's endpoints.
const binanceUrls = config.exchangeApiUrls["binance"];
const deployments = await createDeploymentWorker({
  prisma,
  connection,
  prefix,
  store,
  // Paper trades spot markets: load only those (futures endpoints are neither needed nor redirected).
  exchangeFor: () =>
    createExchange("binance", {
      options: { defaultType: "spot", fetchMarkets: { types: ["spot"] } },
      ...(binanceUrls ? { urls: { api: { ...binanceUrls } } } : {}),
    }),
  tradingExchangeFor: credentialExchangeFor({
    prisma,
    keyring: keyringOf(config),
    apiUrls: config.exchangeApiUrls,
  }),
  lockDurationMs: settings.lockDurationMs,
  stalledIntervalMs: settings.stalledIntervalMs,
  ...(settings.candlePollMs !== undefined ? { pollIntervalMs: settings.candlePollMs } : {}),
});
const workers: Worker[] = [
  deployments.worker as unknown as Worker,
  createSkeletonWorker({ prisma, connection, prefix, concurrency: config.runnerConcurrency }),
  backtests.worker as unknown as Worker,
  createBackfillWorker({
    store,
    connection,
    prefix,
    settings,
    // Backfill symbols are spot markets: load only those; EXCHANGE_API_URLS applies as for deployments.
    exchangeFor: (id) =>
      createExchange(id, {
        options: { defaultType: "spot", fetchMarkets: { types: ["spot"] } },
        ...(config.exchangeApiUrls[id] ? { urls: { api: { ...config.exchangeApiUrls[id] } } } : {}),
      }),
  }) as unknown as Worker,
];
for (const worker of workers) {
  worker.on("failed", (job, error) =>
    console.error(`runner: job ${job?.id} on ${worker.name} failed: ${error.message}`),
  );
  worker.on("error", (error) => console.error(`runner: ${worker.name} worker error: ${error.message}`));
}
await Promise.all(workers.map((w) => w.waitUntilReady()));
const heartbeatRedis = new Redis(connection);
const heartbeat = startHeartbeat(heartbeatRedis, prefix);
const queues = [
  QUEUE_NAMES.skeleton,
  QUEUE_NAMES.backtests,
  BACKFILL_QUEUE_NAME,
  QUEUE_NAMES.deploymentControl,
];
console.log(`runner ready: queues ${queues.join(", ")} (Redis prefix "${prefix}")`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`runner: ${signal} received, finishing current jobs`);
  heartbeat.stop();
  heartbeatRedis.disconnect();
  // Running deployments end first: their jobs last as long as they trade, so closing waits on them.
  await deployments.close();
  await Promise.all(
    workers.map((w) => (w === (backtests.worker as unknown) ? backtests.close() : w.close())),
  );
  await store.close();
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
