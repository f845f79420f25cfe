import { withDatabase } from "@tradegraph/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkPostgres,
  checkRedis,
  createDatabaseIfMissing,
  dropDatabase,
  ServiceUnavailableError,
} from "../src/index.ts";
import { createTestDatabase, type TestDatabase, testRedisUrl, testServerUrl } from "../src/testing.ts";

// A port nothing listens on: the kernel refuses at once, so no timeout is involved.
const closedPort = 1;

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    return (error as Error).message;
  }
  throw new Error("expected a ServiceUnavailableError");
}

describe("start-up checks", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it("passes on a migrated database and a running Redis", async () => {
    await checkPostgres(db.url);
    await checkRedis(testRedisUrl());
  });

  it("names PostgreSQL, the address, the variable and the fix when the port is closed", async () => {
    const url = `postgres://postgres@127.0.0.1:${closedPort}/tradegraph`;
    const message = await messageOf(checkPostgres(url));
    expect(message).toMatch(/^Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(DATABASE_URL\)\. Start it with: /);
    expect(message).not.toContain("\n");
  });

  it("names Redis, the address, the variable and the fix when the port is closed", async () => {
    const message = await messageOf(checkRedis(`redis://127.0.0.1:${closedPort}`));
    expect(message).toMatch(/^Cannot reach Redis at 127\.0\.0\.1:1 \(REDIS_URL\)\. Start it with: /);
  });

  it("says how to create a missing database and how to apply missing migrations", async () => {
    const missing = withDatabase(testServerUrl(), `tg_test_${process.pid}_absent`);
    expect(await messageOf(checkPostgres(missing))).toContain(`_absent" does not exist`);
    await createDatabaseIfMissing(missing);
    try {
      const message = await messageOf(checkPostgres(missing));
      expect(message).toContain("20261123160000_init");
      expect(message).toContain("npm run db:migrate");
    } finally {
      await dropDatabase(missing, `tg_test_${process.pid}_absent`);
    }
  });
});
