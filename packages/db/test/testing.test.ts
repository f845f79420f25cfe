import { Redis } from "ioredis";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { RunStatus } from "../src/index.ts";
import { createTestDatabase, createTestRedis, testRedisPrefix, testServerUrl } from "../src/testing.ts";

describe("createTestDatabase", () => {
  it("gives a migrated database that Prisma can write to, and drops it afterwards", async () => {
    const db = await createTestDatabase();
    try {
      expect(db.name).toMatch(/^tg_test_\d+_[0-9a-f]{8}$/);
      const run = await db.prisma.run.create({ data: { kind: "skeleton", input: { symbol: "BTC/USDT" } } });
      expect(run.status).toBe(RunStatus.queued);
      expect(run.progress).toBe(0);
      const updated = await db.prisma.run.update({
        where: { id: run.id },
        data: { status: "succeeded", progress: 100, result: { rows: 3 } },
      });
      expect(updated.result).toEqual({ rows: 3 });
      const raw = await db.pool.query(`SELECT count(*)::int AS n FROM "Run"`);
      expect(raw.rows[0].n).toBe(1);
    } finally {
      await db.drop();
    }
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    const left = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [db.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });

  it("gives two databases that do not see each other's rows", async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(a.name).not.toBe(b.name);
      await a.prisma.run.create({ data: { kind: "skeleton", input: {} } });
      expect(await b.prisma.run.count()).toBe(0);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });
});

describe("test Redis prefix", () => {
  it("is unique per call and cleanup deletes only its own keys", async () => {
    expect(testRedisPrefix()).not.toBe(testRedisPrefix());
    const mine = createTestRedis();
    const other = createTestRedis();
    const redis = new Redis(mine.url);
    try {
      await redis.set(`${mine.prefix}:a`, "1");
      await redis.set(`${mine.prefix}:queue:b`, "2");
      await redis.set(`${other.prefix}:a`, "3");
      await mine.cleanup();
      expect(await redis.exists(`${mine.prefix}:a`, `${mine.prefix}:queue:b`)).toBe(0);
      expect(await redis.get(`${other.prefix}:a`)).toBe("3");
    } finally {
      await other.cleanup();
      redis.disconnect();
    }
  });
});
