import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { describe, expect, it } from "vitest";
import { settings } from "../../packages/config/src/index.ts";

const root = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

function compose(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync("docker-compose", args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  if (result.error) {
    throw new Error(`docker-compose is not installed (.ci/run installs it): ${result.error.message}`);
  }
  return result;
}

describe("docker-compose.yml", () => {
  const key = Buffer.alloc(32, 1).toString("base64");

  it("validates with docker-compose config -q", () => {
    const result = compose(["config", "-q"], { SECRETS_KEY: key });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("has postgres, redis, migrate, server and runner with named volumes and health checks", () => {
    const services = compose(["config", "--services"], { SECRETS_KEY: key }).stdout.trim().split("\n").sort();
    expect(services).toEqual(["migrate", "postgres", "redis", "runner", "server"]);
    const volumes = compose(["config", "--volumes"], { SECRETS_KEY: key }).stdout.trim().split("\n").sort();
    expect(volumes).toEqual(["pgdata", "redisdata"]);
    const resolved = compose(["config"], { SECRETS_KEY: key }).stdout;
    expect(resolved.match(/healthcheck:/g)?.length).toBe(4);
    expect(resolved).toContain("condition: service_completed_successfully");
  });

  it("refuses to start without SECRETS_KEY and says how to create one", () => {
    const result = compose(["config", "-q"], { SECRETS_KEY: undefined });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("set SECRETS_KEY (create one with openssl rand -base64 32)");
  });
});

describe(".env.example", () => {
  const example = parseEnv(read(".env.example"));

  it("lists every setting with its default", () => {
    expect(Object.keys(example).sort()).toEqual(settings.map((s) => s.name).sort());
    for (const setting of settings) expect(example[setting.name]).toBe(setting.defaultValue ?? "");
  });
});

describe("README and CI", () => {
  const readme = read("README.md");

  it("quick start is exactly: install+start, then the test command", () => {
    const quickStart = readme.split("## Quick start")[1]?.split("\n## ")[0] ?? "";
    const commands = [...quickStart.matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)].map((m) => m[1]?.trim());
    expect(commands).toEqual([
      "git clone <repository-url> tradegraph && cd tradegraph",
      "npm ci && npm start",
      "npm test",
    ]);
  });

  it("CI runs the README's test command and nothing else as the test step", () => {
    const ci = read(".ci/run");
    expect(ci.match(/^npm test/gm)).toEqual(["npm test"]);
    expect(ci).toContain("npm ci");
  });

  it("every variable in .env.example is documented in the README", () => {
    for (const setting of settings) expect(readme).toContain(`\`${setting.name}\``);
  });
});
