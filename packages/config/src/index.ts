export {
  databaseName,
  hostAndPort,
  type RedisConnectionOptions,
  redisConnectionOptions,
  withDatabase,
} from "./connections.ts";
export { applyDotEnv } from "./dotenv.ts";
export { ConfigError } from "./errors.ts";
export {
  type ExchangeKeys,
  exchangeCredentialAad,
  openExchangeKeys,
  sealExchangeKeys,
} from "./exchange-keys.ts";
export { type ExchangeApiUrls, parseExchangeApiUrls } from "./exchange-urls.ts";
export {
  type Config,
  type LoadConfigOptions,
  type LogLevel,
  loadConfig,
  type NodeEnv,
} from "./load-config.ts";
export { defaultModelsDir, modelsDirFrom } from "./models-dir.ts";
export {
  blobKeyId,
  decryptSecret,
  encryptSecret,
  type Keyring,
  keyIdOf,
  keyringOf,
  SecretDecryptError,
} from "./secret-box.ts";
export { type SettingInfo, settings } from "./settings.ts";
