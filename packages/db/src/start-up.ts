import { applyDotEnv, type Config, ConfigError, loadConfig } from "@tradegraph/config";
import { checkPostgres, checkRedis, ServiceUnavailableError } from "./service-checks.ts";

/**
 * Loads the configuration and checks PostgreSQL and Redis. Any problem ends the process with one
 * line that names what is wrong and how to fix it (no stack trace: nothing is wrong with the code).
 */
export async function startUpOrExit(processName: string): Promise<Config> {
  try {
    applyDotEnv();
    const config = loadConfig();
    await checkPostgres(config.databaseUrl);
    await checkRedis(config.redisUrl);
    return config;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ServiceUnavailableError) {
      console.error(`${processName}: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
