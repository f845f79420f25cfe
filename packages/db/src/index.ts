export { createPrismaClient } from "./client.ts";
export { createDatabaseIfMissing, dropDatabase } from "./database-admin.ts";
export type { Run } from "./generated/prisma/client.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export { RunStatus } from "./generated/prisma/enums.ts";
export {
  type MigrateOptions,
  type MigrateResult,
  MigrationError,
  migrate,
  pendingMigrations,
} from "./migrate.ts";
export { defaultMigrationsDir, type MigrationFile, readMigrations } from "./migrations-folder.ts";
export { checkPostgres, checkRedis, ServiceUnavailableError } from "./service-checks.ts";
export { startUpOrExit } from "./start-up.ts";
