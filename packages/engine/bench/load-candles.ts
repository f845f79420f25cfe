/** Bench input: the bundled real candles (data/candles), read straight into columns. */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { CandleColumns } from "@tradegraph/nodes";

export function loadCandles(file: string): CandleColumns {
  const text = gunzipSync(readFileSync(new URL(`../../../data/candles/${file}`, import.meta.url))).toString();
  const lines = text.trim().split("\n").slice(1);
  const n = lines.length;
  const columns: CandleColumns = {
    time: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const cells = lines[i]!.split(",");
    columns.time[i] = Number(cells[0]);
    columns.open[i] = Number(cells[1]);
    columns.high[i] = Number(cells[2]);
    columns.low[i] = Number(cells[3]);
    columns.close[i] = Number(cells[4]);
    columns.volume[i] = Number(cells[5]);
  }
  return columns;
}
