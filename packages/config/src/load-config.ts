import { createHash } from "node:crypto";
import { ConfigError } from "./errors.ts";
import { type ExchangeApiUrls, parseExchangeApiUrls } from "./exchange-urls.ts";
import { modelsDirFrom } from "./models-dir.ts";
import { defaultOf } from "./settings.ts";

export type NodeEnv = "development" | "test" | "production";
export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace";

export interface Config {
  nodeEnv: NodeEnv;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  serverHost: string;
  serverPort: number;
  /** 32 bytes; encrypts exchange API secrets. */
  secretsKey: Buffer;
  /** Older key still accepted for decryption during a key rotation. */
  secretsKeyPrevious: Buffer | undefined;
  /** True when SECRETS_KEY was not set and the development key is in use. */
  secretsKeyIsDevelopmentDefault: boolean;
  logLevel: LogLevel;
  webDistDir: string | undefined;
  runnerConcurrency: number;
  /** Absolute folder ONNX model files are loaded from (MODELS_DIR); `modelFile` paths may not leave it. */
  modelsDir: string;
  /** Replacement API base URLs per ccxt exchange id (EXCHANGE_API_URLS); empty = the exchanges' own. */
  exchangeApiUrls: ExchangeApiUrls;
  /** Things worth telling the operator at start-up (already printed unless `warn` was replaced). */
  warnings: string[];
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Where warnings go; defaults to console.warn (silent when NODE_ENV=test). */
  warn?: (message: string) => void;
}

const nodeEnvs: readonly NodeEnv[] = ["development", "test", "production"];
const logLevels: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace"];

// Fixed phrase: the dev key must stay the same across restarts so stored secrets stay readable.
const developmentKeyPhrase = "tradegraph development secrets key - never use in production";

/** Reads every setting from the environment, applies defaults and fails with one clear sentence. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const read = (name: string): string | undefined => {
    const raw = env[name];
    const value = raw === undefined || raw.trim() === "" ? defaultOf(name) : raw.trim();
    return value;
  };
  const required = (name: string): string => {
    const value = read(name);
    if (value === undefined) throw new ConfigError(name, `${name} is not set.`);
    return value;
  };

  const nodeEnv = oneOf("NODE_ENV", required("NODE_ENV"), nodeEnvs);
  const databaseUrl = url("DATABASE_URL", required("DATABASE_URL"), ["postgres:", "postgresql:"]);
  const redisUrl = url("REDIS_URL", required("REDIS_URL"), ["redis:", "rediss:"]);
  const redisPrefix = required("REDIS_PREFIX");
  if (!/^[A-Za-z0-9_.:-]+$/.test(redisPrefix)) {
    throw new ConfigError(
      "REDIS_PREFIX",
      `REDIS_PREFIX may only contain letters, digits and _ . : -, got "${redisPrefix}".`,
    );
  }
  const serverHost = required("SERVER_HOST");
  const serverPort = integer("SERVER_PORT", required("SERVER_PORT"), 0, 65535);
  const logLevel = oneOf("LOG_LEVEL", required("LOG_LEVEL"), logLevels);
  const runnerConcurrency = integer("RUNNER_CONCURRENCY", required("RUNNER_CONCURRENCY"), 1, 64);
  const webDistDir = read("WEB_DIST_DIR");
  const modelsDir = modelsDirFrom(env);
  const exchangeApiUrls = parseExchangeApiUrls(read("EXCHANGE_API_URLS"));

  const warnings: string[] = [];
  const secretsRaw = read("SECRETS_KEY");
  let secretsKey: Buffer;
  if (secretsRaw === undefined) {
    if (nodeEnv === "production") {
      throw new ConfigError(
        "SECRETS_KEY",
        "SECRETS_KEY is required when NODE_ENV=production (create one with: openssl rand -base64 32).",
      );
    }
    secretsKey = createHash("sha256").update(developmentKeyPhrase).digest();
    warnings.push(
      "SECRETS_KEY is not set, so exchange secrets are encrypted with a development key; set SECRETS_KEY (openssl rand -base64 32) before storing real API keys.",
    );
  } else {
    secretsKey = base64Key("SECRETS_KEY", secretsRaw);
  }
  const previousRaw = read("SECRETS_KEY_PREVIOUS");
  const secretsKeyPrevious =
    previousRaw === undefined ? undefined : base64Key("SECRETS_KEY_PREVIOUS", previousRaw);

  const warn = options.warn ?? (nodeEnv === "test" ? () => {} : (m: string) => console.warn(`warning: ${m}`));
  for (const w of warnings) warn(w);

  return {
    nodeEnv,
    databaseUrl,
    redisUrl,
    redisPrefix,
    serverHost,
    serverPort,
    secretsKey,
    secretsKeyPrevious,
    secretsKeyIsDevelopmentDefault: secretsRaw === undefined,
    logLevel,
    webDistDir,
    runnerConcurrency,
    modelsDir,
    exchangeApiUrls,
    warnings,
  };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(name, `${name} must be one of ${allowed.join(", ")}, got "${value}".`);
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  }
  return n;
}

function url(name: string, value: string, protocols: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `${name} is not a valid URL (expected ${protocols[0]}//host:port/...).`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      name,
      `${name} must start with ${protocols.map((p) => `${p}//`).join(" or ")}, got "${parsed.protocol}//".`,
    );
  }
  if (parsed.hostname === "") throw new ConfigError(name, `${name} has no host name.`);
  return value;
}

function base64Key(name: string, value: string): Buffer {
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, "base64") : Buffer.alloc(0);
  if (bytes.length !== 32) {
    throw new ConfigError(
      name,
      `${name} must be 32 bytes encoded as base64 (create one with: openssl rand -base64 32), got ${bytes.length === 0 ? "something that is not base64" : `${bytes.length} bytes`}.`,
    );
  }
  return bytes;
}
