import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode } from "../../../testing/run-node.ts";
import { higherTimeframeNode } from "./definition.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The HTF candles a run emitted: one per tick, as rows. */
function emitted(
  run: ReturnType<
    typeof runNode<
      typeof higherTimeframeNode.inputs,
      typeof higherTimeframeNode.outputs,
      typeof higherTimeframeNode.params,
      unknown
    >
  >,
) {
  const rows: number[][] = [];
  const c = run.out.candles;
  for (let i = 0; i < run.tick.length; i++) {
    if (run.tick[i] === 1)
      rows.push([c.time[i]!, c.open[i]!, c.high[i]!, c.low[i]!, c.close[i]!, c.volume[i]!]);
  }
  return rows;
}

function rowsOf(file: string, from: number, to: number): number[][] {
  const c = loadBundledCandles(file);
  const rows: number[][] = [];
  for (let i = 0; i < c.time.length; i++) {
    if (c.time[i]! >= from && c.time[i]! < to)
      rows.push([c.time[i]!, c.open[i]!, c.high[i]!, c.low[i]!, c.close[i]!, c.volume[i]!]);
  }
  return rows;
}

/** Volumes are sums of decimals: equal to the exchange's to a relative 1e-12. */
function expectSameCandles(actual: number[][], expected: number[][]) {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    const [t, o, h, l, c, v] = expected[k]!;
    const row = actual[k]!;
    expect(row.slice(0, 5), new Date(t!).toISOString()).toEqual([t, o, h, l, c]);
    expect(Math.abs(row[5]! - v!)).toBeLessThanOrEqual(Math.abs(v!) * 1e-12 + 1e-9);
  }
}

describe("higher-timeframe view", () => {
  const hourly = loadBundledCandles("binance_BTCUSDT_1h.csv.gz");
  const lastHour = hourly.time[hourly.time.length - 1]!;

  it("rebuilds the bundled Binance 4h candles exactly from the 1h candles (2018-01 to 2026-04, gaps included)", () => {
    const run = runNode(higherTimeframeNode, { timeframe: "4h" }, { candles: hourly }, { timeframeMs: HOUR });
    // The last 4h bucket closes only if its last hour is in the file.
    const end = Math.floor((lastHour + HOUR) / (4 * HOUR)) * 4 * HOUR;
    expectSameCandles(emitted(run), rowsOf("binance_BTCUSDT_4h.csv.gz", hourly.time[0]!, end));
  });

  it("rebuilds the bundled 1d candles exactly from the 1h candles", () => {
    const run = runNode(higherTimeframeNode, { timeframe: "1d" }, { candles: hourly }, { timeframeMs: HOUR });
    const end = Math.floor((lastHour + HOUR) / DAY) * DAY;
    expectSameCandles(emitted(run), rowsOf("binance_BTCUSDT_1d.csv.gz", hourly.time[0]!, end));
  });

  it("changes its outputs only on bars where a 4h candle has closed, and never shows an unclosed one", () => {
    const run = runNode(higherTimeframeNode, { timeframe: "4h" }, { candles: hourly }, { timeframeMs: HOUR });
    const c = run.out.candles;
    for (let i = 1; i < hourly.time.length; i++) {
      if (run.tick[i] !== 1) {
        expect(Object.is(c.close[i], c.close[i - 1]) && Object.is(c.time[i], c.time[i - 1])).toBe(true);
      } else {
        // The candle shown closed at or before this bar's close.
        expect(c.time[i]! + 4 * HOUR).toBeLessThanOrEqual(hourly.time[i]! + HOUR);
      }
    }
  });

  it("skips a partial first bucket: starting at 02:00 the first candle is the 04:00 one", () => {
    const from = hourly.time.indexOf(Date.UTC(2024, 0, 1, 2));
    const slice = {
      time: hourly.time.slice(from, from + 12),
      open: hourly.open.slice(from, from + 12),
      high: hourly.high.slice(from, from + 12),
      low: hourly.low.slice(from, from + 12),
      close: hourly.close.slice(from, from + 12),
      volume: hourly.volume.slice(from, from + 12),
    };
    const run = runNode(higherTimeframeNode, { timeframe: "4h" }, { candles: slice }, { timeframeMs: HOUR });
    expect(Array.from(run.tick)).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0]);
    expect(run.out.candles.time[5]).toBe(Date.UTC(2024, 0, 1, 4));
    expect(Number.isNaN(run.out.candles.close[4]!)).toBe(true);
  });

  it("builds weekly candles from Monday 00:00 UTC", () => {
    const daily = loadBundledCandles("binance_BTCUSDT_1d.csv.gz");
    const run = runNode(higherTimeframeNode, { timeframe: "1w" }, { candles: daily }, { timeframeMs: DAY });
    const weeks = emitted(run);
    expect(weeks.length).toBeGreaterThan(400);
    for (const [time, open, high, low, close] of weeks) {
      expect(new Date(time!).getUTCDay()).toBe(1);
      const first = daily.time.indexOf(time!);
      const days = [0, 1, 2, 3, 4, 5, 6].map((d) => first + d);
      expect(daily.time[days[6]!]).toBe(time! + 6 * DAY);
      expect(open).toBe(daily.open[first]);
      expect(close).toBe(daily.close[days[6]!]);
      expect(high).toBe(Math.max(...days.map((d) => daily.high[d]!)));
      expect(low).toBe(Math.min(...days.map((d) => daily.low[d]!)));
    }
  });

  it("refuses a timeframe that is not a multiple above the run's", () => {
    expect(() =>
      runNode(higherTimeframeNode, { timeframe: "1h" }, { candles: hourly }, { timeframeMs: HOUR }),
    ).toThrow("must be a whole multiple above the run's timeframe (60 min)");
  });
});
