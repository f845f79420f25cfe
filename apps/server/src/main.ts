// The server process: tRPC API, live run updates and the built web app on one port.
import { redisConnectionOptions } from "@tradegraph/config";
import { createPrismaClient, startUpOrExit } from "@tradegraph/db";
import { buildServer } from "./app.ts";
import { seedTemplates } from "./domain/strategies/templates.ts";
import { createLogger } from "./observability/logger.ts";
import { defaultExamplesDir, servicesFromConfig } from "./services.ts";
import { createSkeletonQueue } from "./skeleton-queue.ts";

const config = await startUpOrExit("server");
const prisma = createPrismaClient(config.databaseUrl);
const skeleton = await createSkeletonQueue(redisConnectionOptions(config.redisUrl), config.redisPrefix);
const logger = createLogger(config.logLevel);
const deps = await servicesFromConfig(config, prisma, logger);
const seeded = await seedTemplates(deps, defaultExamplesDir);
for (const [file, reason] of Object.entries(seeded.skipped))
  logger.warn({ file, reason }, "example left out of the template gallery");
const app = await buildServer({
  context: { prisma, skeleton, deps },
  logger,
  secureCookies: config.nodeEnv === "production",
  logLevel: config.logLevel,
  ...(config.webDistDir ? { webDistDir: config.webDistDir } : {}),
});

try {
  await app.listen({ host: config.serverHost, port: config.serverPort });
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") {
    console.error(
      `server: port ${config.serverPort} is already in use (SERVER_PORT); stop the other process or set SERVER_PORT.`,
    );
    process.exit(1);
  }
  throw error;
}
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : config.serverPort;
console.log(`server ready: http://${config.serverHost}:${port}`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`server: ${signal} received, shutting down`);
  await app.close();
  await skeleton.close();
  await deps.close();
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
