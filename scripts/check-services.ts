// First step of npm start: configuration, PostgreSQL and Redis, each failure as one line.
import { applyDotEnv, ConfigError, loadConfig } from "@tradegraph/config";
import { checkPostgres, checkRedis, ServiceUnavailableError } from "@tradegraph/db";

applyDotEnv();
try {
  const config = loadConfig({ warn: () => {} });
  // The database itself may not exist yet: the migration step creates it.
  await checkPostgres(config.databaseUrl, { requireMigrations: false }).catch((error: unknown) => {
    if (!(error instanceof ServiceUnavailableError && error.message.includes("does not exist"))) throw error;
  });
  await checkRedis(config.redisUrl);
} catch (error) {
  if (error instanceof ConfigError || error instanceof ServiceUnavailableError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
