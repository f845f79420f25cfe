// The runner process: consumes BullMQ queues and records results in PostgreSQL.
import { redisConnectionOptions } from "@tradegraph/config";
import { QUEUE_NAMES } from "@tradegraph/contracts";
import { createPrismaClient, startUpOrExit } from "@tradegraph/db";
import { createSkeletonWorker } from "./workers/skeleton.ts";

const config = await startUpOrExit("runner");
const prisma = createPrismaClient(config.databaseUrl);
const connection = redisConnectionOptions(config.redisUrl);
const workers = [
  createSkeletonWorker({
    prisma,
    connection,
    prefix: config.redisPrefix,
    concurrency: config.runnerConcurrency,
  }),
];
for (const worker of workers) {
  worker.on("failed", (job, error) =>
    console.error(`runner: job ${job?.id} on ${worker.name} failed: ${error.message}`),
  );
  worker.on("error", (error) => console.error(`runner: ${worker.name} worker error: ${error.message}`));
}
await Promise.all(workers.map((w) => w.waitUntilReady()));
console.log(
  `runner ready: queues ${Object.values(QUEUE_NAMES).join(", ")} (Redis prefix "${config.redisPrefix}")`,
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`runner: ${signal} received, finishing current jobs`);
  await Promise.all(workers.map((w) => w.close()));
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
