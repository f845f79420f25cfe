import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";

/** data/candles of the repository, found from the working directory (vitest runs inside apps/web). */
function candlesDir(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const candidate = join(dir, "data", "candles");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`data/candles not found above ${process.cwd()}`);
  }
}

export interface CandleColumnsData {
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/** The first `count` bundled real Binance candles of a file in data/candles (tests only; Node). */
export function loadRealCandles(file: string, count: number): CandleColumnsData {
  const path = join(candlesDir(), file);
  const lines = gunzipSync(readFileSync(path))
    .toString("utf8")
    .trim()
    .split("\n")
    .slice(1, count + 1);
  const cols: CandleColumnsData = {
    time: new Float64Array(lines.length),
    open: new Float64Array(lines.length),
    high: new Float64Array(lines.length),
    low: new Float64Array(lines.length),
    close: new Float64Array(lines.length),
    volume: new Float64Array(lines.length),
  };
  lines.forEach((line, i) => {
    const [t, o, h, l, c, v] = line.split(",").map(Number);
    cols.time[i] = t!;
    cols.open[i] = o!;
    cols.high[i] = h!;
    cols.low[i] = l!;
    cols.close[i] = c!;
    cols.volume[i] = v!;
  });
  return cols;
}
