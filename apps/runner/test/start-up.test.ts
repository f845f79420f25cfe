import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Spawns the real runner entry point with one service pointed at a closed port.
function startRunner(env: Record<string, string>) {
  const tsx = join(import.meta.dirname, "..", "..", "..", "node_modules", "tsx", "dist", "cli.mjs");
  return spawnSync(process.execPath, [tsx, "src/main.ts"], {
    cwd: join(import.meta.dirname, ".."),
    env: { ...process.env, NODE_ENV: "test", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("runner start-up", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("exits with one line naming PostgreSQL when it is unreachable", () => {
    const result = startRunner({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/tradegraph" });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^runner: Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(DATABASE_URL\)\. Start it with: /,
    );
  });

  it("exits with one line naming Redis when it is unreachable", () => {
    const result = startRunner({ DATABASE_URL: db.url, REDIS_URL: "redis://127.0.0.1:1" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^runner: Cannot reach Redis at 127\.0\.0\.1:1 \(REDIS_URL\)\. Start it with: [^\n]+$/,
    );
  });

  it("exits with one line naming a wrong setting", () => {
    const result = startRunner({ RUNNER_CONCURRENCY: "many" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'runner: RUNNER_CONCURRENCY must be a whole number from 1 to 64, got "many".',
    );
  });
});
