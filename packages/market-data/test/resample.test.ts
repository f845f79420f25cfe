import { describe, expect, it } from "vitest";
import { decimalSum } from "../src/decimal-sum.ts";
import { applyGapPolicy, findGaps } from "../src/gaps.ts";
import { resample } from "../src/resample.ts";
import { timeframeMs } from "../src/timeframes.ts";
import { between, bundledColumns, firstDifference } from "./helpers.ts";

/** Resample `from` bundled candles and compare exactly with the bundled `to` candles over the overlap. */
async function checkAgainstExchange(from: string, to: string) {
  const source = await bundledColumns("BTC/USDT", from);
  const exchange = await bundledColumns("BTC/USDT", to);
  const ours = resample(source, from, to).candles;
  const start = Math.max(ours.time[0]!, exchange.time[0]!);
  const end = Math.min(ours.time.at(-1)!, exchange.time.at(-1)!);
  const expected = between(exchange, start, end);
  return { difference: firstDifference(between(ours, start, end), expected), compared: expected.time.length };
}

describe("resampling the bundled real BTC candles gives the exchange's own candles exactly", () => {
  it.each([
    ["1m", "1h", 2178],
    ["5m", "1h", 1037],
    ["15m", "1h", 2178],
    ["1h", "4h", 18231],
    ["1h", "1d", 3041],
  ])("%s → %s", async (from, to, compared) => {
    expect(await checkAgainstExchange(from, to)).toEqual({ difference: null, compared });
  });

  it("1m → 5m and 15m match the bundled 5m and 15m files", async () => {
    expect((await checkAgainstExchange("1m", "5m")).difference).toBeNull();
    expect((await checkAgainstExchange("1m", "15m")).difference).toBeNull();
  });

  it("drops the partial last hour of the 1m file (it ends at 18:27)", async () => {
    const source = await bundledColumns("BTC/USDT", "1m");
    const { candles, sourceCounts } = resample(source, "1m", "1h");
    expect(new Date(candles.time.at(-1)!).toISOString()).toBe("2025-08-18T17:00:00.000Z");
    expect(sourceCounts.every((count) => count === 60)).toBe(true);
    const untrimmed = resample(source, "1m", "1h", { trimPartialEdges: false });
    expect(untrimmed.sourceCounts.at(-1)).toBe(28);
  });

  it("refuses a target that is not a whole multiple", async () => {
    const source = await bundledColumns("BTC/USDT", "1d");
    expect(() => resample(source, "1d", "1h")).toThrow("Cannot resample 1d to 1h");
  });
});

describe("decimal volume sums", () => {
  it("adds like the exchange where floats drift", () => {
    const values = new Float64Array([0.1, 0.2]);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(decimalSum(values, 0, 2)).toBe(0.3);
  });

  it("is needed: an in-order float sum misses the exchange's 1h volume on most real hours", async () => {
    const minutes = await bundledColumns("BTC/USDT", "1m");
    const hours = between(
      await bundledColumns("BTC/USDT", "1h"),
      minutes.time[0]!,
      Date.UTC(2025, 7, 18, 17),
    );
    let floatMisses = 0;
    let decimalMisses = 0;
    for (let h = 0; h < hours.time.length; h++) {
      let floatSum = 0;
      for (let m = h * 60; m < h * 60 + 60; m++) floatSum += minutes.volume[m]!;
      if (floatSum !== hours.volume[h]) floatMisses++;
      if (decimalSum(minutes.volume, h * 60, h * 60 + 60) !== hours.volume[h]) decimalMisses++;
    }
    expect(hours.time.length).toBe(2178);
    expect(floatMisses).toBeGreaterThan(1000);
    expect(decimalMisses).toBe(0);
  });
});

// Gap table of data/candles/README.md: gaps (missing candles) per bundled file.
const README_GAPS: [string, string, number, number][] = [
  ["BTC/USDT", "1h", 27, 122],
  ["ETH/USDT", "1h", 27, 122],
  ["BNB/USDT", "1h", 27, 122],
  ["XRP/USDT", "1h", 25, 88],
  ["ADA/USDT", "1h", 25, 88],
  ["LINK/USDT", "1h", 20, 60],
  ["DOGE/USDT", "1h", 18, 44],
  ["SOL/USDT", "1h", 10, 20],
  ["DOT/USDT", "1h", 10, 20],
  ["AVAX/USDT", "1h", 10, 20],
  ["BTC/USDT", "1d", 0, 0],
  ["BTC/USDT", "4h", 8, 16],
  ["BTC/USDT", "1m", 0, 0],
];

describe("gap detection on the bundled real candles", () => {
  it.each(README_GAPS)("%s %s has %i gaps, %i candles missing", async (symbol, timeframe, gaps, missing) => {
    const found = findGaps((await bundledColumns(symbol, timeframe)).time, timeframeMs(timeframe));
    expect([found.length, found.reduce((sum, gap) => sum + gap.missing, 0)]).toEqual([gaps, missing]);
  });

  it("finds the named Binance outages in BTC 1h", async () => {
    const gaps = findGaps((await bundledColumns("BTC/USDT", "1h")).time, timeframeMs("1h"));
    const described = gaps.map((g) => `${new Date(g.after).toISOString().slice(0, 13)} +${g.missing}`);
    expect(described).toContain("2018-02-08T00 +33");
    expect(described.filter((g) => g.startsWith("2018-06-26"))).toEqual([expect.stringMatching(/\+10$/)]);
    expect(described.filter((g) => g.startsWith("2019-05-15"))).toEqual([expect.stringMatching(/\+10$/)]);
    expect(described.filter((g) => g.startsWith("2019-08-15"))).toEqual([expect.stringMatching(/\+8$/)]);
    expect(described).toContain("2023-03-24T12 +1");
    expect(Math.max(...gaps.map((g) => g.missing))).toBe(33);
  });

  it("forward-fills a gap with marked flat candles, or skips it", async () => {
    const hourly = await bundledColumns("BTC/USDT", "1h");
    const outage = between(hourly, Date.UTC(2018, 1, 7), Date.UTC(2018, 1, 10));
    const skipped = applyGapPolicy(outage, 3_600_000, "skip");
    expect(skipped.candles).toBe(outage);
    const { candles, filled } = applyGapPolicy(outage, 3_600_000, "forward-fill");
    expect(candles.time.length).toBe(outage.time.length + 33);
    expect(filled.reduce((a, b) => a + b, 0)).toBe(33);
    const firstFilled = filled.indexOf(1);
    expect(new Date(candles.time[firstFilled]!).toISOString()).toBe("2018-02-08T01:00:00.000Z");
    expect(candles.open[firstFilled]).toBe(candles.close[firstFilled - 1]);
    expect(candles.volume[firstFilled]).toBe(0);
    expect(findGaps(candles.time, 3_600_000)).toEqual([]);
  });
});
