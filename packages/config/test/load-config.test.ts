import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, defaultModelsDir, loadConfig, modelsDirFrom } from "../src/index.ts";

const quiet = { warn: () => {} };

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig({ env, ...quiet });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("expected loadConfig to throw");
}

describe("loadConfig", () => {
  it("uses developer-machine defaults when nothing is set", () => {
    const config = loadConfig({ env: {}, ...quiet });
    expect(config.nodeEnv).toBe("development");
    expect(config.databaseUrl).toBe("postgres://postgres@127.0.0.1:5432/tradegraph");
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(config.redisPrefix).toBe("tradegraph");
    expect(config.serverPort).toBe(3000);
    expect(config.serverHost).toBe("127.0.0.1");
    expect(config.logLevel).toBe("info");
    expect(config.runnerConcurrency).toBe(2);
    expect(config.secretsKey).toHaveLength(32);
    expect(config.secretsKeyIsDevelopmentDefault).toBe(true);
  });

  it("warns once when the development secrets key is used, and the key is stable across calls", () => {
    const seen: string[] = [];
    const a = loadConfig({ env: {}, warn: (m) => seen.push(m) });
    const b = loadConfig({ env: {}, warn: () => {} });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain("SECRETS_KEY");
    expect(a.secretsKey.equals(b.secretsKey)).toBe(true);
  });

  it("reads given values and trims blanks back to defaults", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    const config = loadConfig({
      env: {
        SERVER_PORT: "8080",
        REDIS_PREFIX: "run-1",
        SECRETS_KEY: key,
        LOG_LEVEL: "  ",
        NODE_ENV: "test",
      },
      ...quiet,
    });
    expect(config.serverPort).toBe(8080);
    expect(config.redisPrefix).toBe("run-1");
    expect(config.logLevel).toBe("info");
    expect(config.secretsKey.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(config.secretsKeyIsDevelopmentDefault).toBe(false);
    expect(config.warnings).toEqual([]);
  });

  it.each([
    [{ SERVER_PORT: "abc" }, "SERVER_PORT", 'SERVER_PORT must be a whole number from 0 to 65535, got "abc".'],
    [{ SERVER_PORT: "70000" }, "SERVER_PORT", "SERVER_PORT must be a whole number"],
    [
      { DATABASE_URL: "mysql://x/y" },
      "DATABASE_URL",
      "DATABASE_URL must start with postgres:// or postgresql://",
    ],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL", "DATABASE_URL is not a valid URL"],
    [{ REDIS_URL: "http://127.0.0.1" }, "REDIS_URL", "REDIS_URL must start with redis://"],
    [{ REDIS_PREFIX: "a b" }, "REDIS_PREFIX", "REDIS_PREFIX may only contain"],
    [
      { LOG_LEVEL: "loud" },
      "LOG_LEVEL",
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, got "loud".',
    ],
    [{ NODE_ENV: "staging" }, "NODE_ENV", "NODE_ENV must be one of development, test, production"],
    [{ SECRETS_KEY: "c2hvcnQ=" }, "SECRETS_KEY", "SECRETS_KEY must be 32 bytes encoded as base64"],
    [{ SECRETS_KEY: "%%%" }, "SECRETS_KEY", "not base64"],
    [{ SECRETS_KEY_PREVIOUS: "abc" }, "SECRETS_KEY_PREVIOUS", "SECRETS_KEY_PREVIOUS must be 32 bytes"],
    [{ RUNNER_CONCURRENCY: "0" }, "RUNNER_CONCURRENCY", "RUNNER_CONCURRENCY must be a whole number from 1"],
    [{ NODE_ENV: "production" }, "SECRETS_KEY", "SECRETS_KEY is required when NODE_ENV=production"],
    [{ EXCHANGE_API_URLS: "binance=x" }, "EXCHANGE_API_URLS", "EXCHANGE_API_URLS must be JSON like"],
    [{ EXCHANGE_API_URLS: "[]" }, "EXCHANGE_API_URLS", "must be a JSON object keyed by exchange id"],
    [
      { EXCHANGE_API_URLS: '{"binance":{"public":"ftp://x"}}' },
      "EXCHANGE_API_URLS",
      "EXCHANGE_API_URLS.binance.public must be an http(s) URL.",
    ],
  ])("rejects %o with one sentence naming %s", (env, variable, text) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(text);
    expect(error.message.startsWith(variable)).toBe(true);
    expect(error.message.trim().endsWith(".")).toBe(true);
    expect(error.message).not.toContain("\n");
  });
});

describe("EXCHANGE_API_URLS", () => {
  it("is empty when unset and maps exchange id to ccxt API URLs (trailing slashes dropped) when set", () => {
    expect(loadConfig({ env: {}, ...quiet }).exchangeApiUrls).toEqual({});
    const env = {
      EXCHANGE_API_URLS: '{"binance":{"public":"http://127.0.0.1:9000/api/v3/","v1":"https://p/api/v1"}}',
    };
    expect(loadConfig({ env, ...quiet }).exchangeApiUrls).toEqual({
      binance: { public: "http://127.0.0.1:9000/api/v3", v1: "https://p/api/v1" },
    });
  });
});

describe("MODELS_DIR", () => {
  it("defaults to models in the repository root (next to package.json and .env.example)", () => {
    expect(loadConfig({ env: {}, ...quiet }).modelsDir).toBe(defaultModelsDir);
    expect(defaultModelsDir.endsWith("/models")).toBe(true);
    expect(existsSync(join(defaultModelsDir, "..", ".env.example"))).toBe(true);
  });

  it("keeps an absolute folder and takes a relative one from the working directory", () => {
    expect(loadConfig({ env: { MODELS_DIR: " /srv/models " }, ...quiet }).modelsDir).toBe("/srv/models");
    expect(modelsDirFrom({ MODELS_DIR: "trained/onnx" }, "/home/trader")).toBe("/home/trader/trained/onnx");
    expect(modelsDirFrom({ MODELS_DIR: "" }, "/home/trader")).toBe(defaultModelsDir);
  });
});
