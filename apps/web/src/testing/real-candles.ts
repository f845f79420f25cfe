import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

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
  const path = fileURLToPath(new URL(`../../../../data/candles/${file}`, import.meta.url));
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
