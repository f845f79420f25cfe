import type { Keyring } from "@tradegraph/config";
import type { PrismaClient } from "@tradegraph/db";
import type { Redis } from "ioredis";
import type { ExchangeFactory } from "./credentials/exchange-client.ts";
import type { ServerQueues } from "./queues.ts";

/** Minimal logger surface the domain uses (pino and fastify's logger satisfy it). */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Everything the domain services need; built once per process (main.ts) or per test file. */
export interface ServerDeps {
  prisma: PrismaClient;
  /** Plain command connection (rate limits, heartbeats, pub/sub publish). */
  redis: Redis;
  /** REDIS_PREFIX: every key the server writes starts with `${redisPrefix}:`. */
  redisPrefix: string;
  keyring: Keyring;
  queues: ServerQueues;
  logger: Logger;
  /** Builds ccxt clients; tests point it at the exchange stub. */
  exchangeFactory: ExchangeFactory;
}

/** Who is calling: every protected procedure has one. */
export interface Caller {
  userId: string;
  ip: string | undefined;
}
