import { type RedisConnectionOptions, SecretDecryptError } from "@tradegraph/config";
import {
  type DeploymentControlMessage,
  deploymentControlMessageSchema,
  QUEUE_NAMES,
} from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";
import type { CandleStore, Exchange } from "@tradegraph/market-data";
import { UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import { setDeploymentStatus } from "../deployments/deployment-status.ts";
import { runPaperDeployment } from "../deployments/run-deployment.ts";
import { DeploymentCredentialError } from "../exchange/credential-exchange.ts";
import { runExchangeDeployment } from "../exchange/run-exchange-deployment.ts";
import { SharedRateLimiter, type TokenBucketOptions } from "../rate-limit/token-bucket.ts";

/** Redis channel (after REDIS_PREFIX + ":") telling every runner to stop one deployment; message = JSON. */
export const DEPLOYMENT_STOP_CHANNEL = "deployment:stop";

export interface DeploymentWorkerOptions {
  prisma: PrismaClient;
  connection: RedisConnectionOptions;
  prefix: string;
  /** ccxt client for a deployment's market data (tests: the exchange stub). */
  exchangeFor: (deploymentId: string) => Exchange;
  /** ccxt client with the account's API key for testnet/live deployments (none: they are refused). */
  tradingExchangeFor?: (deploymentId: string) => Exchange | Promise<Exchange>;
  /** Stored candles deployments warm up on at (re)start. */
  store?: CandleStore;
  lockDurationMs: number;
  stalledIntervalMs: number;
  pollIntervalMs?: number;
  /** Request budget per exchange key, shared through Redis by every runner (default 10/s, bursts of 20). */
  exchangeRateLimit?: TokenBucketOptions;
  /** How many deployments one process runs at once. */
  concurrency?: number;
}

/**
 * Control commands. `start`/`resume` run the deployment inside the job for as long as it trades, so the
 * job lock doubles as ownership: if this runner dies, the job stalls and another runner takes it over.
 * `stop`/`emergencyStop` are broadcast so whichever runner owns the deployment ends it.
 */
export async function createDeploymentWorker(options: DeploymentWorkerOptions) {
  const running = new Map<string, { abort: AbortController; flatten: boolean; paused: boolean }>();
  const publisher = new Redis(options.connection);
  const subscriber = new Redis(options.connection);
  const channel = `${options.prefix}:${DEPLOYMENT_STOP_CHANNEL}`;
  const limiter = new SharedRateLimiter(
    publisher,
    options.prefix,
    options.exchangeRateLimit ?? { capacity: 20, perSecond: 10 },
  );
  await subscriber.subscribe(channel);
  subscriber.on("message", (_from, text) => {
    const { deploymentId, flatten, paused } = JSON.parse(text) as {
      deploymentId: string;
      flatten: boolean;
      paused: boolean;
    };
    const entry = running.get(deploymentId);
    if (!entry) return;
    entry.flatten = flatten;
    entry.paused = paused;
    entry.abort.abort();
  });

  const worker = new Worker<DeploymentControlMessage>(
    QUEUE_NAMES.deploymentControl,
    async (job) => {
      const message = deploymentControlMessageSchema.parse(job.data);
      const { deploymentId, command } = message;
      await options.prisma.deploymentEvent.create({
        data: {
          deploymentId,
          level: "info",
          kind: `command.${command}`,
          message: `${command} requested by ${message.requestedBy}`,
        },
      });
      if (command === "stop" || command === "emergencyStop" || command === "pause") {
        await publisher.publish(
          channel,
          JSON.stringify({ deploymentId, flatten: command === "emergencyStop", paused: command === "pause" }),
        );
        return { deploymentId, command };
      }
      const entry = { abort: new AbortController(), flatten: false, paused: false };
      running.set(deploymentId, entry);
      try {
        const { mode, credentialId } = await options.prisma.deployment.findUniqueOrThrow({
          where: { id: deploymentId },
          select: { mode: true, credentialId: true },
        });
        const run = mode === "paper" ? runPaperDeployment : runExchangeDeployment;
        if (mode !== "paper" && !options.tradingExchangeFor)
          throw new Error(
            `Deployment ${deploymentId} is ${mode}: this runner has no trading exchange client.`,
          );
        const exchange =
          mode === "paper"
            ? options.exchangeFor(deploymentId)
            : await tradingClientOrFail(options, deploymentId, publisher);
        await run({
          prisma: options.prisma,
          deploymentId,
          exchange,
          ...(options.store ? { store: options.store } : {}),
          // Every deployment trading with one stored key shares that key's budget.
          ...(credentialId ? { limiter: { limiter, apiKeyId: credentialId } } : {}),
          signal: entry.abort.signal,
          redis: publisher,
          prefix: options.prefix,
          flattenOnStop: () => entry.flatten,
          statusOnStop: () => (entry.paused ? "paused" : "stopped"),
          ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
        });
      } finally {
        running.delete(deploymentId);
      }
      return { deploymentId, command };
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 50,
      lockDuration: options.lockDurationMs,
      stalledInterval: options.stalledIntervalMs,
    },
  );
  return {
    worker,
    async close() {
      for (const entry of running.values()) entry.abort.abort();
      await worker.close();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

/** A key that is missing, of the wrong mode or unreadable will not fix itself: fail the deployment, no retry. */
async function tradingClientOrFail(options: DeploymentWorkerOptions, deploymentId: string, publisher: Redis) {
  try {
    return await options.tradingExchangeFor!(deploymentId);
  } catch (error) {
    if (!(error instanceof DeploymentCredentialError || error instanceof SecretDecryptError)) throw error;
    const target = { prisma: options.prisma, deploymentId, redis: publisher, prefix: options.prefix };
    await setDeploymentStatus(target, "failed", error.message);
    throw new UnrecoverableError(error.message);
  }
}
