import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  applyDotEnv,
  databaseName,
  hostAndPort,
  redisConnectionOptions,
  withDatabase,
} from "../src/index.ts";

describe("connection helpers", () => {
  it("turns a Redis URL into BullMQ connection options", () => {
    expect(redisConnectionOptions("redis://127.0.0.1:6380/2")).toEqual({
      host: "127.0.0.1",
      port: 6380,
      db: 2,
      maxRetriesPerRequest: null,
    });
    const withAuth = redisConnectionOptions("rediss://user:p%40ss@cache.local");
    expect(withAuth).toMatchObject({ host: "cache.local", port: 6379, username: "user", password: "p@ss" });
    expect(withAuth.tls).toEqual({});
  });

  it("prints host and port without credentials", () => {
    expect(hostAndPort("postgres://postgres:secret@127.0.0.1:5433/tradegraph", 5432)).toBe("127.0.0.1:5433");
    expect(hostAndPort("redis://localhost", 6379)).toBe("localhost:6379");
  });

  it("swaps the database name in a PostgreSQL URL", () => {
    const url = withDatabase("postgres://postgres@127.0.0.1:5432/tradegraph?sslmode=disable", "tg_test_1");
    expect(databaseName(url)).toBe("tg_test_1");
    expect(url).toContain("sslmode=disable");
  });

  it("reads the nearest .env without overriding variables already set", () => {
    const root = mkdtempSync(join(tmpdir(), "tg-env-"));
    const nested = join(root, "a", "b");
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(root, ".env"), "SERVER_PORT=4000\nREDIS_PREFIX=from-file\n");
    const env: NodeJS.ProcessEnv = { REDIS_PREFIX: "already-set" };
    expect(applyDotEnv(nested, env)).toBe(join(root, ".env"));
    expect(env["SERVER_PORT"]).toBe("4000");
    expect(env["REDIS_PREFIX"]).toBe("already-set");
  });
});
