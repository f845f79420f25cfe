// npm run db:migrate — creates the database if needed and applies pending migrations.
import { applyDotEnv, ConfigError, databaseName, loadConfig } from "@tradegraph/config";
import { createDatabaseIfMissing } from "./database-admin.ts";
import { migrate } from "./migrate.ts";
import { checkPostgres, ServiceUnavailableError } from "./service-checks.ts";

async function main() {
  applyDotEnv();
  const config = loadConfig({ warn: () => {} });
  const name = databaseName(config.databaseUrl);
  try {
    await checkPostgres(config.databaseUrl, { requireMigrations: false });
  } catch (error) {
    // A missing database is what this command fixes; anything else is reported.
    if (!(error instanceof ServiceUnavailableError) || !error.message.includes("does not exist")) throw error;
  }
  if (await createDatabaseIfMissing(config.databaseUrl)) console.log(`created database "${name}"`);
  const result = await migrate(config.databaseUrl, { log: (line) => console.log(line) });
  console.log(
    `database "${name}" is up to date (${result.applied.length} applied now, ${result.alreadyApplied.length} before)`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ServiceUnavailableError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
