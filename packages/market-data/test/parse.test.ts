import { describe, expect, it } from "vitest";
import { listBundledFiles } from "../src/bundled-files.ts";
import { parseCandleText } from "../src/parse/index.ts";
import { readCandleFile } from "../src/read-candle-file.ts";
import { bundledColumns, bundledLines } from "./helpers.ts";

const HEADER = "time,open,high,low,close,volume";

// Row counts and first/last candles from data/candles/README.md.
const README_ROWS: Record<string, [number, string, string]> = {
  "BTC/USDT 1h": [72866, "2018-01-01T00:00:00.000Z", "2026-04-30T03:00:00.000Z"],
  "XRP/USDT 1h": [69940, "2018-05-04T08:00:00.000Z", "2026-04-30T03:00:00.000Z"],
  "BTC/USDT 1d": [3178, "2017-08-17T00:00:00.000Z", "2026-04-29T00:00:00.000Z"],
  "BTC/USDT 1m": [130708, "2025-05-20T00:00:00.000Z", "2025-08-18T18:27:00.000Z"],
  "BTC/USDT 5m": [12454, "2025-05-20T00:00:00.000Z", "2025-07-02T05:45:00.000Z"],
};

describe("parsing the bundled real candles", () => {
  it("accepts every bundled file", async () => {
    const files = listBundledFiles();
    expect(files.length).toBe(15);
    for (const file of files) {
      const result = await readCandleFile(file.path, { timeframe: file.timeframe });
      expect(result.ok, `${file.path}: ${JSON.stringify(!result.ok && result.errors)}`).toBe(true);
      const key = `${file.symbol} ${file.timeframe}`;
      const expected = README_ROWS[key];
      if (result.ok && expected) {
        const times = result.candles.time;
        expect([
          times.length,
          new Date(times[0]!).toISOString(),
          new Date(times.at(-1)!).toISOString(),
        ]).toEqual(expected);
      }
    }
  });

  it("reads ISO times exactly like epoch ms", async () => {
    const lines = bundledLines("BTC/USDT", "1h", 200);
    const iso = lines.map((line) => {
      const [time, ...rest] = line.split(",");
      return [new Date(Number(time)).toISOString().replace(".000Z", "Z"), ...rest].join(",");
    });
    const fromMs = parseCandleText([HEADER, ...lines].join("\n"), { timeframe: "1h" });
    const fromIso = parseCandleText([HEADER, ...iso].join("\n"), { timeframe: "1h" });
    expect(fromIso).toEqual(fromMs);
    expect(fromMs.ok && fromMs.candles.time.length).toBe(200);
  });

  it("reads Binance kline dumps with ms or µs times, and ccxt JSON, to the same candles", async () => {
    const lines = bundledLines("BTC/USDT", "1m", 500);
    const reference = parseCandleText([HEADER, ...lines].join("\n"), { timeframe: "1m" });
    const dump = (scale: number) =>
      lines
        .map((line) => {
          const [time, o, h, l, c, v] = line.split(",");
          const open = Number(time);
          return [open * scale, o, h, l, c, v, (open + 59_999) * scale, "0", "10", "0", "0", "0"].join(",");
        })
        .join("\n");
    const ccxtJson = JSON.stringify(
      lines.map((line) => line.split(",").map(Number)),
      null,
      1,
    );
    expect(reference.ok).toBe(true);
    for (const [text, format] of [
      [dump(1), "binance-klines"],
      [dump(1000), "binance-klines"],
      [ccxtJson, "ccxt-json"],
    ] as const) {
      const parsed = parseCandleText(text, { timeframe: "1m" });
      expect(parsed.format).toBe(format);
      expect(parsed.ok && parsed.candles).toEqual(reference.ok && reference.candles);
    }
  });

  it("rejects a Binance dump whose candles are of another timeframe", () => {
    const [first] = bundledLines("BTC/USDT", "1h", 1);
    const [time, o, h, l, c, v] = first!.split(",");
    const row = [time, o, h, l, c, v, Number(time) + 3_599_999, 0, 1, 0, 0, 0].join(",");
    const result = parseCandleText(row, { timeframe: "1m" });
    expect(!result.ok && result.errors).toEqual([
      { line: 1, message: "candle lasts 60 minutes, not the file's timeframe" },
    ]);
  });
});

describe("rejecting malformed files with line numbers", () => {
  function corrupt(edit: (rows: string[][]) => void): ReturnType<typeof parseCandleText> {
    const rows = bundledLines("BTC/USDT", "1h", 20).map((line) => line.split(","));
    edit(rows);
    return parseCandleText([HEADER, ...rows.map((r) => r.join(","))].join("\n"), { timeframe: "1h" });
  }

  it("names each bad line and why", () => {
    const result = corrupt((rows) => {
      rows[2]![2] = String(Number(rows[2]![1]) - 1); // line 4: high below open
      rows[4]![3] = String(Number(rows[4]![2]) + 1); // line 6: low above high (and above open/close)
      rows[6]![4] = "-5"; // line 8: negative close
      rows[8]![5] = "-0.5"; // line 10: negative volume
      rows[10]![1] = "12.3.4"; // line 12: unparsable
      rows[12]![0] = rows[11]![0]!; // line 14: duplicate of line 13
      rows[15]![0] = String(Number(rows[15]![0]) + 1000); // line 17: misaligned
      rows[18]![0] = rows[5]![0]!; // line 20: goes back in time
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byLine = new Map<number, string[]>();
    for (const e of result.errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e.message]);
    expect([...byLine.keys()]).toEqual([4, 6, 8, 10, 12, 14, 17, 20]);
    expect(byLine.get(4)![0]).toMatch(/^high .* is below open/);
    expect(byLine.get(6)).toContainEqual(expect.stringMatching(/^low .* is above open/));
    expect(byLine.get(8)).toContainEqual("close -5 must be a positive price");
    expect(byLine.get(10)).toEqual(["volume -0.5 must not be negative"]);
    expect(byLine.get(12)).toEqual(['open "12.3.4" is not a number']);
    expect(byLine.get(14)).toEqual(["duplicate time 2018-01-01T11:00Z (also on line 13)"]);
    expect(byLine.get(17)![0]).toMatch(/^time 2018-01-01T15:00:01.000Z is not aligned/);
    expect(byLine.get(20)![0]).toMatch(/^time 2018-01-01T05:00Z is before line 19/);
  });

  it("caps the list but counts every error", async () => {
    const candles = await bundledColumns("BTC/USDT", "1h");
    expect(candles.time.length).toBeGreaterThan(1000);
    const text = bundledLines("BTC/USDT", "1h", 1000)
      .map((line) => line.replace(/,[^,]+$/, ",-1"))
      .join("\n");
    const result = parseCandleText(text, { timeframe: "1h", maxErrors: 10 });
    expect(!result.ok && [result.errors.length, result.errorCount]).toEqual([10, 1000]);
  });

  it("reports a wrong field count and an empty file", () => {
    const bad = parseCandleText(`${HEADER}\n1514764800000,1,2,0.5,1.5`, { timeframe: "1h" });
    expect(!bad.ok && bad.errors).toEqual([
      { line: 2, message: `expected 6 fields (${HEADER}) but found 5` },
    ]);
    const empty = parseCandleText(`${HEADER}\n`, { timeframe: "1h" });
    expect(!empty.ok && empty.errors).toEqual([{ line: 1, message: "the file holds no candles" }]);
  });

  it("points at the JSON line of a bad ccxt entry", () => {
    const lines = bundledLines("BTC/USDT", "1h", 3).map((line) => line.split(",").map(Number));
    lines[1]![2] = Number.NaN;
    const text = `[\n${lines.map((l) => JSON.stringify(l).replace("null", '"x"')).join(",\n")}\n]`;
    const result = parseCandleText(text, { timeframe: "1h" });
    expect(!result.ok && result.errors).toEqual([{ line: 3, message: 'entry 2: high "x" is not a number' }]);
  });
});
