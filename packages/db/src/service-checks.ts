import { databaseName, hostAndPort } from "@tradegraph/config";
import { Redis } from "ioredis";
import pg from "pg";
import { pendingMigrations } from "./migrate.ts";

/** A service the app needs is down or not ready. The message is one line: what, where, how to fix. */
export class ServiceUnavailableError extends Error {
  override name = "ServiceUnavailableError";
  constructor(
    readonly service: "PostgreSQL" | "Redis",
    message: string,
  ) {
    super(message);
  }
}

const unreachableCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EAI_AGAIN"]);

function errorCode(error: unknown): string | undefined {
  const e = error as { code?: string; errors?: { code?: string }[] };
  return e.code ?? e.errors?.[0]?.code;
}

/** Connects to PostgreSQL, checks the database exists and has every migration applied. */
export async function checkPostgres(databaseUrl: string, options: { requireMigrations?: boolean } = {}) {
  const where = hostAndPort(databaseUrl, 5432);
  const name = databaseName(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const code = errorCode(error);
    if (code === "3D000") {
      throw new ServiceUnavailableError(
        "PostgreSQL",
        `Database "${name}" does not exist on PostgreSQL at ${where} (DATABASE_URL). Create it with: npm run db:migrate`,
      );
    }
    if (code === "28P01" || code === "28000") {
      throw new ServiceUnavailableError(
        "PostgreSQL",
        `PostgreSQL at ${where} refused the user or password in DATABASE_URL.`,
      );
    }
    if (code === undefined || unreachableCodes.has(code) || /timeout/i.test(String(error))) {
      throw new ServiceUnavailableError(
        "PostgreSQL",
        `Cannot reach PostgreSQL at ${where} (DATABASE_URL). Start it with: sudo service postgresql start (or: docker compose up -d postgres)`,
      );
    }
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
  if (options.requireMigrations ?? true) {
    const pending = await pendingMigrations(databaseUrl);
    if (pending.length > 0) {
      throw new ServiceUnavailableError(
        "PostgreSQL",
        `Database "${name}" at ${where} is missing ${pending.length} migration(s) (${pending.join(", ")}). Apply them with: npm run db:migrate`,
      );
    }
  }
}

/** Connects to Redis and sends PING. */
export async function checkRedis(redisUrl: string): Promise<void> {
  const where = hostAndPort(redisUrl, 6379);
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  redis.on("error", () => {}); // reported through connect() below
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const text = String(error);
    if (/NOAUTH|WRONGPASS/i.test(text)) {
      throw new ServiceUnavailableError("Redis", `Redis at ${where} refused the password in REDIS_URL.`);
    }
    throw new ServiceUnavailableError(
      "Redis",
      `Cannot reach Redis at ${where} (REDIS_URL). Start it with: redis-server --daemonize yes (or: docker compose up -d redis)`,
    );
  } finally {
    redis.disconnect();
  }
}
