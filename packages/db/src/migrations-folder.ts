import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** prisma/migrations at the repository root. */
export const defaultMigrationsDir = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../../prisma/migrations",
);

export interface MigrationFile {
  /** Folder name, e.g. 20261123160000_init; migrations apply in name order. */
  name: string;
  sql: string;
  /** SHA-256 of migration.sql, 64 lower-case hex chars: what Prisma stores in _prisma_migrations.checksum. */
  checksum: string;
}

export function readMigrations(dir: string = defaultMigrationsDir): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql, "utf8").digest("hex") };
    });
}
