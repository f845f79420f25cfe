import { join } from "node:path";
import { type Config, redisConnectionOptions } from "@tradegraph/config";
import type { PrismaClient } from "@tradegraph/db";
import { Redis } from "ioredis";
import {
  defaultExchangeFactory,
  type ExchangeFactory,
  exchangeFactoryFor,
} from "./domain/credentials/exchange-client.ts";
import { attachCandleStore } from "./domain/data/candle-store.ts";
import type { Logger, ServerDeps } from "./domain/deps.ts";
import { createServerQueues } from "./domain/queues.ts";

export const defaultExamplesDir = join(import.meta.dirname, "..", "..", "..", "examples");

export interface ServerServices extends ServerDeps {
  close(): Promise<void>;
}

/** Builds the domain services of one server process (or one test file). */
export async function createServerServices(options: {
  prisma: PrismaClient;
  redisUrl: string;
  redisPrefix: string;
  secretsKey: Buffer;
  secretsKeyPrevious?: Buffer | undefined;
  logger: Logger;
  exchangeFactory?: ExchangeFactory;
  /** Where candles are read for the data router (tests may attach a store themselves). */
  databaseUrl?: string;
}): Promise<ServerServices> {
  const connection = redisConnectionOptions(options.redisUrl);
  const redis = new Redis({ ...connection, maxRetriesPerRequest: 2, lazyConnect: false });
  const queues = await createServerQueues(connection, options.redisPrefix);
  queues.backtestEvents.setMaxListeners(0); // one listener set per open browser subscription
  queues.backfillEvents.setMaxListeners(0);
  const services: ServerServices = {
    prisma: options.prisma,
    redis,
    redisPrefix: options.redisPrefix,
    keyring: { current: options.secretsKey, previous: options.secretsKeyPrevious },
    queues,
    logger: options.logger,
    exchangeFactory: options.exchangeFactory ?? defaultExchangeFactory,
    async close() {
      await queues.close();
      redis.disconnect();
      await candles?.close();
    },
  };
  const candles = options.databaseUrl ? attachCandleStore(services, options.databaseUrl) : undefined;
  return services;
}

export function servicesFromConfig(config: Config, prisma: PrismaClient, logger: Logger) {
  return createServerServices({
    prisma,
    redisUrl: config.redisUrl,
    redisPrefix: config.redisPrefix,
    secretsKey: config.secretsKey,
    secretsKeyPrevious: config.secretsKeyPrevious,
    logger,
    databaseUrl: config.databaseUrl,
    exchangeFactory: exchangeFactoryFor(config.exchangeApiUrls),
  });
}
