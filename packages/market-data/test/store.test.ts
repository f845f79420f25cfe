import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledFile } from "../src/bundled-files.ts";
import { importCandleFile } from "../src/import-file.ts";
import { loadBundledCandles } from "../src/load-bundled.ts";
import { CandleStore } from "../src/store/candle-store.ts";
import { between, bundledColumns, bundledLines, firstDifference } from "./helpers.ts";

let db: TestDatabase;
let store: CandleStore;
const btc1h = { exchange: "binance", symbol: "BTC/USDT", timeframe: "1h" };

beforeAll(async () => {
  db = await createTestDatabase();
  store = CandleStore.open(db.pool);
});
afterAll(async () => {
  await store?.close();
  await db?.drop();
});

describe("candle store on PostgreSQL", () => {
  it("imports a bundled file once: the second import stores nothing and reports duplicates", async () => {
    const path = bundledFile("BTC/USDT", "1h").path;
    const first = await importCandleFile(store, path, btc1h);
    expect(first.ok && [first.format, first.rows, first.stored, first.duplicates, first.gapsInFile]).toEqual([
      "csv",
      72866,
      72866,
      0,
      27,
    ]);
    const second = await importCandleFile(store, path, btc1h);
    expect(second.ok && [second.stored, second.duplicates, second.conflicting]).toEqual([0, 72866, 0]);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM "Candle"`);
    expect(rows[0].n).toBe(72866);
    const [coverage] = await store.coverage(btc1h);
    expect(coverage).toMatchObject({ rows: 72866, gaps: 27, missing: 122, first: Date.UTC(2018, 0, 1) });
  });

  it("reads back exactly the file's values, whole or by range", async () => {
    const expected = await bundledColumns("BTC/USDT", "1h");
    expect(firstDifference(await store.read(btc1h), expected)).toBeNull();
    const from = Date.UTC(2024, 0, 1);
    const to = Date.UTC(2025, 0, 1);
    const year = await store.read(btc1h, { from, to });
    expect(year.time.length).toBe(8784);
    expect(firstDifference(year, between(expected, from, to - 1))).toBeNull();
  });

  it("lists the stored outages of a series", async () => {
    const gaps = await store.gaps(btc1h);
    expect(gaps.length).toBe(27);
    expect(gaps.find((g) => g.missing === 33)).toEqual({
      after: Date.UTC(2018, 1, 8, 0),
      resumesAt: Date.UTC(2018, 1, 9, 10),
      missing: 33,
    });
  });

  it("stores nothing from a malformed file and names its bad lines", async () => {
    const lines = bundledLines("ETH/USDT", "1h", 300);
    lines[150] = lines[150]!.replace(/,[^,]+$/, ",-3");
    const path = join(mkdtempSync(join(tmpdir(), "md-")), "bad.csv");
    writeFileSync(path, ["time,open,high,low,close,volume", ...lines].join("\n"));
    const key = { ...btc1h, symbol: "ETH/USDT" };
    const result = await importCandleFile(store, path, key);
    expect(!result.ok && result.errors).toEqual([{ line: 152, message: "volume -3 must not be negative" }]);
    expect(await store.coverage(key)).toEqual([]);
    expect((await store.read(key)).time.length).toBe(0);
  });

  it("keeps the stored candle and counts a conflicting re-import", async () => {
    const lines = bundledLines("BTC/USDT", "1h", 3);
    const changed = lines.map((line, i) => (i === 1 ? line.replace(/,[^,]+$/, ",1") : line));
    const path = join(mkdtempSync(join(tmpdir(), "md-")), "changed.csv");
    writeFileSync(path, changed.join("\n"));
    const result = await importCandleFile(store, path, btc1h);
    expect(result.ok && [result.stored, result.duplicates, result.conflicting]).toEqual([0, 3, 1]);
    const stored = await store.read(btc1h, { from: Date.UTC(2018, 0, 1, 1), to: Date.UTC(2018, 0, 1, 2) });
    expect(stored.volume[0]).toBe(Number(lines[1]!.split(",")[5]));
  });

  it("loads bundled files on first start and skips them on the next", async () => {
    const dir = mkdtempSync(join(tmpdir(), "md-bundled-"));
    for (const tf of ["1d", "4h", "5m"]) {
      const file = bundledFile("BTC/USDT", tf);
      copyFileSync(file.path, join(dir, file.path.split("/").at(-1)!));
    }
    const progress: string[] = [];
    const first = await loadBundledCandles(db.pool, {
      dir,
      onProgress: (p) => progress.push(`${p.file.timeframe} ${p.status}`),
    });
    expect(first).toEqual({ files: 3, imported: 3, skipped: 0, stored: 3178 + 19052 + 12454 });
    expect(progress).toEqual(["1d imported", "4h imported", "5m imported"]);
    const second = await loadBundledCandles(db.pool, { dir });
    expect(second).toEqual({ files: 3, imported: 0, skipped: 3, stored: 0 });
    const coverage = await store.coverage({ symbol: "BTC/USDT" });
    expect(coverage.map((c) => `${c.timeframe}:${c.rows}:${c.gaps}`)).toEqual([
      "5m:12454:0",
      "1h:72866:27",
      "4h:19052:8",
      "1d:3178:0",
    ]);
  });
});
