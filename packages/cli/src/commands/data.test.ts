import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { bundledFile } from "@tradegraph/market-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataCoverageCommand, dataImportCommand } from "./data.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

describe("tradegraph data", { timeout: 120_000 }, () => {
  it("imports a bundled file, then finds every candle already stored", async () => {
    const file = bundledFile("BTC/USDT", "4h").path;
    const options = { exchange: "binance", symbol: "BTC/USDT", timeframe: "4h", databaseUrl: db.url };
    const first = capture();
    expect(await dataImportCommand(file, options, first.io)).toBe(0);
    expect(first.out[0]).toBe(
      "binance BTC/USDT 4h from binance_BTCUSDT_4h.csv.gz (csv): 19052 rows, 19052 stored, 0 duplicates skipped, 8 gaps found",
    );
    const second = capture();
    expect(await dataImportCommand(file, options, second.io)).toBe(0);
    expect(second.out[0]).toContain("19052 rows, 0 stored, 19052 duplicates skipped, 8 gaps found");
  });

  it("takes exchange, symbol and timeframe from a bundled-style file name", async () => {
    const { out, io } = capture();
    expect(await dataImportCommand(bundledFile("BTC/USDT", "1d").path, { databaseUrl: db.url }, io)).toBe(0);
    expect(out[0]).toMatch(/^binance BTC\/USDT 1d from .*: 3178 rows, 3178 stored/);
  });

  it("rejects a malformed file with line numbers and stores nothing", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "cli-data-")), "bad.csv");
    writeFileSync(
      path,
      "time,open,high,low,close,volume\n1514764800000,13715.65,13818.55,13400.01,13529.01,443.356199\n1514768400000,abc,1,1,1,1\n",
    );
    const { out, err, io } = capture();
    const code = await dataImportCommand(
      path,
      { exchange: "binance", symbol: "ETH/USDT", timeframe: "1h", databaseUrl: db.url },
      io,
    );
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `${path}:3: open "abc" is not a number`,
      "1 error(s): nothing was stored for binance ETH/USDT 1h.",
    ]);
  });

  it("names a missing or wrong option", async () => {
    const { err, io } = capture();
    expect(
      await dataImportCommand("candles.csv", { exchange: "binance", symbol: "BTCUSDT", timeframe: "1h" }, io),
    ).toBe(1);
    expect(err).toEqual(['--symbol must look like BTC/USDT, got "BTCUSDT"']);
  });

  it("prints one coverage line per series, or JSON", async () => {
    const text = capture();
    expect(await dataCoverageCommand({ databaseUrl: db.url }, text.io)).toBe(0);
    expect(text.out).toHaveLength(2);
    expect(text.out[0]).toMatch(
      /^binance\s+BTC\/USDT\s+4h\s+2017-08-17T04:00Z\s+2026-04-30T00:00Z\s+19052 rows\s+8 gaps \(16 candles missing\)$/,
    );
    const json = capture();
    expect(await dataCoverageCommand({ json: true, databaseUrl: db.url }, json.io)).toBe(0);
    expect(JSON.parse(json.out[0]!)).toEqual([
      {
        exchange: "binance",
        symbol: "BTC/USDT",
        timeframe: "4h",
        first: "2017-08-17T04:00:00.000Z",
        last: "2026-04-30T00:00:00.000Z",
        rows: 19052,
        gaps: 8,
        missing: 16,
      },
      {
        exchange: "binance",
        symbol: "BTC/USDT",
        timeframe: "1d",
        first: "2017-08-17T00:00:00.000Z",
        last: "2026-04-29T00:00:00.000Z",
        rows: 3178,
        gaps: 0,
        missing: 0,
      },
    ]);
  });
});
