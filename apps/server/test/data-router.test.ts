import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type CandleStore, importCandleFile } from "@tradegraph/market-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachCandleStore } from "../src/domain/data/candle-store.ts";
import { expectAppError, expectInputError } from "./helpers/errors.ts";
import { type Caller, createHarness, type Harness } from "./helpers/harness.ts";

const candlesDir = join(import.meta.dirname, "..", "..", "..", "data", "candles");
const btc1h = join(candlesDir, "binance_BTCUSDT_1h.csv.gz");
const key = { exchange: "binance", symbol: "BTC/USDT", timeframe: "1h" };

let h: Harness;
let trader: Caller;
let store: CandleStore;
// The real file's lines, read independently of the importer (zcat), for comparisons.
let fileRows: number[][];

beforeAll(async () => {
  h = await createHarness();
  store = attachCandleStore(h.deps, h.db.pool);
  const imported = await importCandleFile(store, btc1h, key);
  expect(imported.ok).toBe(true);
  trader = (await h.signUp()).caller;
  fileRows = execFileSync("zcat", [btc1h], { encoding: "utf8", maxBuffer: 64 << 20 })
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",").map(Number));
}, 120_000);
afterAll(async () => {
  await store?.close();
  await h?.close();
});

describe("data.candles", () => {
  it("returns the stored candles of a range as number columns, equal to the bundled file", async () => {
    const jan2018 = { from: Date.UTC(2018, 0, 1), to: Date.UTC(2018, 0, 2) };
    const { candles } = await trader.data.candles({ symbol: "BTC/USDT", timeframe: "1h", ...jan2018 });
    const first = fileRows[0]!;
    expect(first[0]).toBe(jan2018.from);
    expect([
      candles.time[0],
      candles.open[0],
      candles.high[0],
      candles.low[0],
      candles.close[0],
      candles.volume[0],
    ]).toEqual(first);
    expect(candles.time.length).toBe(24);
    expect(candles.close[23]).toBe(fileRows[23]![4]);
    // `to` is exclusive.
    expect(candles.time.at(-1)).toBe(jan2018.to - 3_600_000);
  });

  it("skips the hours the exchange was down (2018-02-08 outage) instead of inventing candles", async () => {
    const { candles } = await trader.data.candles({
      exchange: "binance",
      symbol: "BTC/USDT",
      timeframe: "1h",
      from: Date.UTC(2018, 1, 7),
      to: Date.UTC(2018, 1, 10),
    });
    const step = candles.time.findIndex((t, i) => i > 0 && t - candles.time[i - 1]! > 3_600_000);
    expect(candles.time[step - 1]).toBe(Date.UTC(2018, 1, 8));
    expect(candles.time[step]).toBe(Date.UTC(2018, 1, 8) + 34 * 3_600_000);
    expect(candles.time.length).toBe(72 - 33);
  });

  it("refuses more than 20,000 bars with a sentence naming the count", async () => {
    const error = await expectAppError(
      trader.data.candles({
        symbol: "BTC/USDT",
        timeframe: "1h",
        from: Date.UTC(2018, 0, 1),
        to: Date.UTC(2021, 0, 1),
      }),
      "VALIDATION_FAILED",
    );
    expect(error.message).toMatch(/holds 26,\d{3} 1h candles of BTC\/USDT; at most 20,000/);
  });

  it("falls back to the bundled file when the store has none of the series, as backtests do", async () => {
    const eth1h = join(candlesDir, "binance_ETHUSDT_1h.csv.gz");
    const ethRows = execFileSync("zcat", [eth1h], { encoding: "utf8", maxBuffer: 64 << 20 })
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",").map(Number))
      .filter(([time]) => time! >= Date.UTC(2020, 0, 1) && time! < Date.UTC(2020, 0, 2));
    expect(ethRows).toHaveLength(24);
    const { candles } = await trader.data.candles({
      symbol: "ETH/USDT",
      timeframe: "1h",
      from: Date.UTC(2020, 0, 1),
      to: Date.UTC(2020, 0, 2),
    });
    expect(
      candles.time.map((t, i) => [
        t,
        candles.open[i],
        candles.high[i],
        candles.low[i],
        candles.close[i],
        candles.volume[i],
      ]),
    ).toEqual(ethRows);
    expect((await trader.data.coverage()).map((s) => s.symbol)).toEqual(["BTC/USDT"]);
  });

  it("answers a series neither stored nor bundled with empty columns and rejects a backwards range", async () => {
    const { candles } = await trader.data.candles({
      symbol: "ETH/USDT",
      timeframe: "4h",
      from: Date.UTC(2020, 0, 1),
      to: Date.UTC(2020, 0, 2),
    });
    expect(candles.time).toEqual([]);
    await expectInputError(trader.data.candles({ symbol: "BTC/USDT", timeframe: "1h", from: 2, to: 1 }));
  });

  it("needs a signed-in caller", async () => {
    await expectAppError(h.anonymous().data.coverage(), "NOT_SIGNED_IN");
  });
});

describe("data.coverage", () => {
  it("lists the series with first/last/rows and the known 33-hour gap of 2018-02-08", async () => {
    const [series, ...others] = await trader.data.coverage();
    expect(others).toEqual([]);
    expect(series).toMatchObject({
      ...key,
      rows: fileRows.length,
      first: fileRows[0]![0],
      last: fileRows.at(-1)![0],
    });
    expect(series!.gaps).toContainEqual({
      after: Date.UTC(2018, 1, 8),
      resumesAt: Date.UTC(2018, 1, 8) + 34 * 3_600_000,
      missing: 33,
    });
    expect(series!.missing).toBe(series!.gaps.reduce((sum, g) => sum + g.missing, 0));
  });
});

describe("data.importFile", () => {
  it("stores an uploaded gzip file and counts the candles already stored as duplicates", async () => {
    const base64 = (await readFile(join(candlesDir, "binance_BTCUSDT_1d.csv.gz"))).toString("base64");
    const input = { symbol: "BTC/USDT", timeframe: "1d", base64, fileName: "btc-1d.csv.gz" } as const;
    const first = await trader.data.importFile(input);
    expect(first).toMatchObject({ ok: true, duplicates: 0 });
    if (!first.ok) throw new Error("import failed");
    expect(first.stored).toBe(first.rows);
    const again = await trader.data.importFile(input);
    expect(again).toMatchObject({ ok: true, stored: 0, duplicates: first.rows });
    const daily = await trader.data.coverage({ symbol: "BTC/USDT" });
    expect(daily.map((s) => s.timeframe)).toEqual(["1h", "1d"]);
  });

  it("answers a bad file with line-numbered errors and stores nothing", async () => {
    const text =
      "time,open,high,low,close,volume\n1514764800000,13715.65,13715.65,13400.01,13529.01,443.356199\n1514851200000,abc,1,1,1,1\n";
    const result = await trader.data.importFile({
      symbol: "SOL/USDT",
      timeframe: "1d",
      base64: Buffer.from(text).toString("base64"),
    });
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error("expected errors");
    expect(result.errors[0]!.line).toBe(3);
    expect(await trader.data.coverage({ symbol: "SOL/USDT" })).toEqual([]);
  });
});
