import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Spawns the real server entry point with one service pointed at a closed port.
function startServer(env: Record<string, string>) {
  const tsx = join(import.meta.dirname, "..", "..", "..", "node_modules", "tsx", "dist", "cli.mjs");
  return spawnSync(process.execPath, [tsx, "src/main.ts"], {
    cwd: join(import.meta.dirname, ".."),
    env: { ...process.env, NODE_ENV: "test", SERVER_PORT: "0", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("server start-up", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("exits with one line naming PostgreSQL when it is unreachable", () => {
    const result = startServer({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/tradegraph" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^server: Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(DATABASE_URL\)\. Start it with: [^\n]+$/,
    );
  });

  it("exits with one line naming Redis when it is unreachable", () => {
    const result = startServer({ DATABASE_URL: db.url, REDIS_URL: "redis://127.0.0.1:1" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^server: Cannot reach Redis at 127\.0\.0\.1:1 \(REDIS_URL\)\. Start it with: [^\n]+$/,
    );
  });

  it("exits with one line naming a wrong setting", () => {
    const result = startServer({ SERVER_PORT: "http" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'server: SERVER_PORT must be a whole number from 0 to 65535, got "http".',
    );
  });
});
