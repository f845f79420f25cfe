// One real PostgreSQL database + Redis prefix per test file, the real services, and callers that
// carry a session cookie jar like a browser does. Nothing is mocked.
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { redisConnectionOptions } from "@tradegraph/config";
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from "@tradegraph/db/testing";
import type { ExchangeFactory } from "../../src/domain/credentials/exchange-client.ts";
import { requestInfo } from "../../src/http/request-info.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { appRouter } from "../../src/routers/index.ts";
import { createServerServices, type ServerServices } from "../../src/services.ts";
import { createSkeletonQueue, type SkeletonQueue } from "../../src/skeleton-queue.ts";
import { type Context, createCallerFactory } from "../../src/trpc.ts";

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface Harness {
  db: TestDatabase;
  redis: TestRedis;
  deps: ServerServices;
  skeleton: SkeletonQueue;
  /** Every log line written by the server's logger during the test file. */
  logLines: string[];
  context(jar?: CookieJar, ip?: string): Context;
  /** A caller with an empty cookie jar (not signed in). */
  anonymous(ip?: string): Caller;
  /** Signs a new user up and returns a caller carrying their session cookie. */
  signUp(
    email?: string,
    password?: string,
  ): Promise<{ caller: Caller; jar: CookieJar; email: string; userId: string }>;
  close(): Promise<void>;
}

export interface CookieJar {
  token: string | undefined;
  expiresAt: Date | undefined;
}

export async function createHarness(options: { exchangeFactory?: ExchangeFactory } = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const redis = createTestRedis();
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger("debug", sink);
  const deps = await createServerServices({
    prisma: db.prisma,
    redisUrl: redis.url,
    redisPrefix: redis.prefix,
    secretsKey: randomBytes(32),
    logger,
    ...(options.exchangeFactory ? { exchangeFactory: options.exchangeFactory } : {}),
  });
  const skeleton = await createSkeletonQueue(redisConnectionOptions(redis.url), redis.prefix);

  const context = (
    jar: CookieJar = { token: undefined, expiresAt: undefined },
    ip = "127.0.0.1",
  ): Context => ({
    prisma: db.prisma,
    skeleton,
    deps,
    request: requestInfo(db.prisma, ip, {
      get: () => jar.token,
      set: (token, expiresAt) => {
        jar.token = token;
        jar.expiresAt = expiresAt;
      },
      clear: () => {
        jar.token = undefined;
        jar.expiresAt = undefined;
      },
    }),
  });
  let users = 0;
  return {
    db,
    redis,
    deps,
    skeleton,
    logLines,
    context,
    anonymous: (ip) => createCaller(context(undefined, ip)),
    async signUp(
      email = `trader${++users}-${randomBytes(3).toString("hex")}@example.com`,
      password = "correct horse battery",
    ) {
      const jar: CookieJar = { token: undefined, expiresAt: undefined };
      const user = await createCaller(context(jar)).auth.signUp({ email, password });
      // A fresh context per call, as every HTTP request gets one; the jar carries the cookie.
      const caller = new Proxy({} as Caller, {
        get: (_target, key) =>
          (createCaller(context(jar)) as unknown as Record<string | symbol, unknown>)[key],
      });
      return { caller, jar, email, userId: user.id };
    },
    async close() {
      await deps.close();
      await skeleton.close();
      await db.drop();
      await redis.cleanup();
    },
  };
}
