// Helpers for integration tests: a real, freshly migrated PostgreSQL database and a private Redis
// key prefix per test run, both removed afterwards. Never mock the database or Redis.
import { randomBytes } from "node:crypto";
import { databaseName, withDatabase } from "@tradegraph/config";
import { Redis } from "ioredis";
import pg from "pg";
import { createPrismaClient } from "./client.ts";
import { createDatabaseIfMissing, dropDatabase, listDatabases } from "./database-admin.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { migrate } from "./migrate.ts";

const testDatabasePrefix = "tg_test_";
const defaultServerUrl = "postgres://postgres@127.0.0.1:5432/postgres";

/** Where test databases are created: TEST_DATABASE_URL, else DATABASE_URL, else local PostgreSQL. */
export function testServerUrl(): string {
  return process.env["TEST_DATABASE_URL"] ?? process.env["DATABASE_URL"] ?? defaultServerUrl;
}

export function testRedisUrl(): string {
  return process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
}

export interface TestDatabase {
  /** Connection URL of the new database (pass it to the code under test). */
  url: string;
  name: string;
  prisma: PrismaClient;
  /** A plain pg pool on the same database, for raw SQL (COPY, checks). */
  pool: pg.Pool;
  /** Disconnects and drops the database. Call it in afterAll. */
  drop(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

// Databases left by test processes that crashed before drop(): the owning pid is in the name.
async function dropAbandonedTestDatabases(serverUrl: string) {
  for (const name of await listDatabases(serverUrl, testDatabasePrefix)) {
    const pid = Number(name.slice(testDatabasePrefix.length).split("_")[0]);
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid))
      await dropDatabase(serverUrl, name).catch(() => {});
  }
}

/** Creates a uniquely named database, applies every migration in prisma/migrations and connects to it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  await dropAbandonedTestDatabases(serverUrl);
  const name = `${testDatabasePrefix}${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = withDatabase(serverUrl, name);
  await createDatabaseIfMissing(url);
  await migrate(url);
  const prisma = createPrismaClient(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  let dropped = false;
  return {
    url,
    name: databaseName(url),
    prisma,
    pool,
    async drop() {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect();
      await pool.end();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** A Redis key prefix no other test run uses, e.g. "tgtest:1234:9f2c1a". */
export function testRedisPrefix(): string {
  return `tgtest:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** Deletes every Redis key under `prefix` (BullMQ keys look like `<prefix>:<queue>:...`). */
export async function deleteRedisKeys(prefix: string, redisUrl: string = testRedisUrl()): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  return deleted;
}

export interface TestRedis {
  url: string;
  prefix: string;
  /** Deletes every key under the prefix. Call it in afterAll. */
  cleanup(): Promise<void>;
}

/** A Redis URL plus a private key prefix for one test file. */
export function createTestRedis(): TestRedis {
  const url = testRedisUrl();
  const prefix = testRedisPrefix();
  return {
    url,
    prefix,
    async cleanup() {
      await deleteRedisKeys(prefix, url);
    },
  };
}
