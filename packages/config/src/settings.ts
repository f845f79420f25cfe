// Every setting Tradegraph reads from the environment, with the default that works on a developer machine.
// .env.example and the README table are checked against this list by a test, so keep it the single source.

export interface SettingInfo {
  name: string;
  /** Default used when the variable is unset; undefined = no default (optional or derived). */
  defaultValue: string | undefined;
  description: string;
}

export const settings: readonly SettingInfo[] = [
  { name: "NODE_ENV", defaultValue: "development", description: "development, test or production" },
  {
    name: "DATABASE_URL",
    defaultValue: "postgres://postgres@127.0.0.1:5432/tradegraph",
    description: "PostgreSQL connection URL",
  },
  { name: "REDIS_URL", defaultValue: "redis://127.0.0.1:6379", description: "Redis connection URL (BullMQ)" },
  {
    name: "REDIS_PREFIX",
    defaultValue: "tradegraph",
    description: "prefix for every Redis key (queues, events); lets several instances share one Redis",
  },
  { name: "SERVER_HOST", defaultValue: "127.0.0.1", description: "address the server listens on" },
  {
    name: "SERVER_PORT",
    defaultValue: "3000",
    description: "port of the server (API under /trpc, the web app, /health)",
  },
  {
    name: "SECRETS_KEY",
    defaultValue: undefined,
    description:
      "32-byte base64 key that encrypts exchange API secrets (openssl rand -base64 32); required in production, a development key is derived otherwise",
  },
  {
    name: "SECRETS_KEY_PREVIOUS",
    defaultValue: undefined,
    description: "previous SECRETS_KEY, still accepted for decryption while secrets are re-encrypted",
  },
  { name: "LOG_LEVEL", defaultValue: "info", description: "fatal, error, warn, info, debug or trace" },
  {
    name: "WEB_DIST_DIR",
    defaultValue: undefined,
    description: "folder with the built web app the server serves (default: apps/web/dist)",
  },
  {
    name: "RUNNER_CONCURRENCY",
    defaultValue: "2",
    description: "how many jobs one runner process works on at the same time",
  },
  {
    name: "MODELS_DIR",
    defaultValue: undefined,
    description:
      "folder with the ONNX model files ML predictor nodes load; modelFile paths are relative to it and may not leave it (default: models in the repository root)",
  },
  {
    name: "EXCHANGE_API_URLS",
    defaultValue: undefined,
    description:
      'JSON of API base URLs per ccxt exchange id replacing the exchange\'s own (ccxt urls.api keys), e.g. {"binance":{"public":"https://proxy/api/v3","private":"https://proxy/api/v3"}}; for a proxy or a local exchange simulator, testnet deployments use them as testnet URLs; unset = the exchange\'s own',
  },
];

export function defaultOf(name: string): string | undefined {
  return settings.find((s) => s.name === name)?.defaultValue;
}
