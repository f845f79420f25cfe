import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withDatabase } from "@tradegraph/config";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDatabaseIfMissing,
  defaultMigrationsDir,
  dropDatabase,
  migrate,
  pendingMigrations,
  readMigrations,
} from "../src/index.ts";
import { testServerUrl } from "../src/testing.ts";

// A database of our own, created empty, so the first migration run is observable.
const name = `tg_test_${process.pid}_migrate`;
const url = withDatabase(testServerUrl(), name);

async function rows(sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrate", () => {
  beforeAll(async () => {
    await dropDatabase(url, name);
    await createDatabaseIfMissing(url);
  });
  afterAll(async () => {
    await dropDatabase(url, name);
  });

  it("applies every folder once, in name order, and a second run applies none", async () => {
    expect((await pendingMigrations(url)).length).toBeGreaterThan(0);
    const first = await migrate(url);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(first.applied).toEqual([...first.applied].sort());
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    expect(first.applied).toContain("20261123160000_init");
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    expect(await pendingMigrations(url)).toEqual([]);
    const tables = await rows(`SELECT to_regclass('"Run"') IS NOT NULL AS ok`);
    expect(tables[0].ok).toBe(true);
  });

  it("records bookkeeping exactly like Prisma: checksum = sha256 of migration.sql, finished, one step", async () => {
    const [row] = await rows(
      `SELECT checksum, finished_at, applied_steps_count, logs, rolled_back_at, length(id) AS id_length
       FROM "_prisma_migrations" WHERE migration_name = '20261123160000_init'`,
    );
    const sha = execFileSync("sha256sum", [
      join(defaultMigrationsDir, "20261123160000_init", "migration.sql"),
    ])
      .toString()
      .split(" ")[0];
    expect(row.checksum).toBe(sha);
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.applied_steps_count).toBe(1);
    expect(row.logs).toBeNull();
    expect(row.rolled_back_at).toBeNull();
    expect(row.id_length).toBe(36);
  });

  it("stores the error of a failing migration, leaves it unfinished and refuses to continue", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tg-migrations-"));
    mkdirSync(join(dir, "20990101000000_broken"));
    writeFileSync(
      join(dir, "20990101000000_broken", "migration.sql"),
      'CREATE TABLE "Broken" (id INT);\nSELEC 1;',
    );
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      /20990101000000_broken failed: .*SELEC/,
    );
    const [row] = await rows(
      `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = '20990101000000_broken'`,
    );
    expect(row.finished_at).toBeNull();
    expect(row.logs).toContain("SELEC");
    // The whole file ran as one transaction: the table from its first statement does not exist.
    expect((await rows(`SELECT to_regclass('"Broken"') IS NULL AS gone`))[0].gone).toBe(true);
    await expect(migrate(url)).rejects.toThrow(/20990101000000_broken failed earlier/);
  });
});
