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
  type Config,
  type LoadConfigOptions,
  type LogLevel,
  loadConfig,
  type NodeEnv,
} from "./load-config.ts";
export { type SettingInfo, settings } from "./settings.ts";
