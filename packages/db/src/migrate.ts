import { randomUUID } from "node:crypto";
import pg from "pg";
import { defaultMigrationsDir, readMigrations } from "./migrations-folder.ts";

// Same key and bookkeeping as Prisma's schema engine, so `prisma migrate deploy` and this script
// can be used on the same database interchangeably.
const prismaAdvisoryLockKey = 72707369;

const createBookkeepingTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateOptions {
  migrationsDir?: string;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Applies every migration folder not yet recorded in _prisma_migrations, in name order. */
export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [prismaAdvisoryLockKey]);
    try {
      await client.query(createBookkeepingTable);
      const { rows } = await client.query<{
        migration_name: string;
        finished_at: Date | null;
        checksum: string;
      }>(
        `SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
      );
      const failed = rows.find((r) => r.finished_at === null);
      if (failed) {
        throw new MigrationError(
          `Migration ${failed.migration_name} failed earlier and was left unfinished; fix the database by hand, then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}').`,
        );
      }
      const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
      const result: MigrateResult = { applied: [], alreadyApplied: [] };
      for (const migration of migrations) {
        const recorded = done.get(migration.name);
        if (recorded !== undefined) {
          if (recorded !== migration.checksum) {
            log(`warning: prisma/migrations/${migration.name}/migration.sql was edited after it was applied`);
          }
          result.alreadyApplied.push(migration.name);
          continue;
        }
        const id = randomUUID();
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, started_at, migration_name) VALUES ($1, $2, now(), $3)`,
          [id, migration.checksum, migration.name],
        );
        try {
          // Simple query protocol: the whole file runs as one implicit transaction, like Prisma.
          await client.query(migration.sql);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
          throw new MigrationError(`Migration ${migration.name} failed: ${message}`);
        }
        await client.query(
          `UPDATE "_prisma_migrations" SET applied_steps_count = applied_steps_count + 1, finished_at = now() WHERE id = $1`,
          [id],
        );
        log(`applied ${migration.name}`);
        result.applied.push(migration.name);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [prismaAdvisoryLockKey]);
    }
  } finally {
    await client.end();
  }
}

/** Names of migration folders the database has not applied yet (for a start-up check). */
export async function pendingMigrations(
  databaseUrl: string,
  migrationsDir: string = defaultMigrationsDir,
): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS ok`);
    const applied = new Set<string>();
    if (exists.rows[0]?.ok) {
      const { rows } = await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
      );
      for (const r of rows) applied.add(r.migration_name);
    }
    return readMigrations(migrationsDir)
      .map((m) => m.name)
      .filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}
