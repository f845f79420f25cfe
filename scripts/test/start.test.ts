import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm start with a service down", () => {
  it("stops with one line naming unreachable PostgreSQL and how to start it", () => {
    const result = start({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/tradegraph" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(DATABASE_URL\)\. Start it with: [^\n]+$/,
    );
  });

  it("stops with one line naming unreachable Redis and how to start it", () => {
    const result = start({ REDIS_URL: "redis://127.0.0.1:1" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^Cannot reach Redis at 127\.0\.0\.1:1 \(REDIS_URL\)\. Start it with: [^\n]+$/,
    );
  });
});
