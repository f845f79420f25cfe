import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { candlesDir, summariseCandleFile } from "../src/index.ts";

describe("summariseCandleFile", () => {
  it("summarises the bundled BTC/USDT 1h file as documented in data/candles/README.md", async () => {
    const path = join(candlesDir, "binance_BTCUSDT_1h.csv.gz");
    const progress: number[] = [];
    const summary = await summariseCandleFile(path, "1h", (f) => {
      progress.push(f);
    });
    // Documented: 72866 rows from 2018-01-01T00:00Z to 2026-04-30T03:00Z, 122 missing hours.
    expect(summary.rows).toBe(72866);
    expect(new Date(summary.firstCandleTime).toISOString()).toBe("2018-01-01T00:00:00.000Z");
    expect(new Date(summary.lastCandleTime).toISOString()).toBe("2026-04-30T03:00:00.000Z");
    expect(summary.missingCandles).toBe(122);
    // Cross-check the last close and extremes by decoding the file a second, independent way.
    const rows = gunzipSync(readFileSync(path)).toString("utf8").trim().split("\n").slice(1);
    const lastRow = rows.at(-1)!.split(",").map(Number);
    expect(summary.lastClose).toBe(lastRow[4]);
    expect(summary.highestHigh).toBe(Math.max(...rows.map((r) => Number(r.split(",")[2]))));
    expect(summary.lowestLow).toBe(Math.min(...rows.map((r) => Number(r.split(",")[3]))));
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("rejects a row that is not six numbers and names the line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tg-candles-"));
    const path = join(dir, "bad.csv.gz");
    const good = gunzipSync(readFileSync(join(candlesDir, "binance_BTCUSDT_1d.csv.gz")))
      .toString("utf8")
      .split("\n")
      .slice(0, 4);
    writeFileSync(path, gzipSync(`${good.join("\n")}\n1514764800000,1,2,x,4,5\n`));
    await expect(summariseCandleFile(path, "1d", () => {})).rejects.toThrow(/line 5 is not six numbers/);
  });
});
