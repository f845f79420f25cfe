/** Reads the bundled real candles (data/candles/*.csv.gz) into columns. Node-only: tests and benchmarks. */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { CandleColumns } from "../runtime-types.ts";

/** data/candles at the repository root, found from this file's location (packages/nodes/src/testing). */
export const BUNDLED_CANDLES_DIR = new URL("../../../../data/candles/", import.meta.url);

const cache = new Map<string, CandleColumns>();

/**
 * Loads e.g. `binance_BTCUSDT_1h.csv.gz` (header `time,open,high,low,close,volume`). Cached per file;
 * callers must not mutate the returned columns (copy with `sliceCandles` first).
 */
export function loadBundledCandles(file: string, limit = Number.POSITIVE_INFINITY): CandleColumns {
  const key = `${file}:${limit}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const text = gunzipSync(readFileSync(new URL(file, BUNDLED_CANDLES_DIR))).toString("utf8");
  const lines = text.split("\n");
  const header = lines[0]?.trim();
  if (header !== "time,open,high,low,close,volume") {
    throw new Error(`${file}: unexpected header "${header}", expected time,open,high,low,close,volume`);
  }
  let rows = 0;
  for (let l = 1; l < lines.length; l++) if (lines[l]!.length > 0) rows++;
  const n = Math.min(rows, limit);
  const columns: CandleColumns = {
    time: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  let i = 0;
  for (let l = 1; l < lines.length && i < n; l++) {
    const line = lines[l]!;
    if (line.length === 0) continue;
    const cells = line.split(",");
    if (cells.length !== 6) throw new Error(`${file}:${l + 1}: expected 6 cells, got ${cells.length}`);
    columns.time[i] = Number(cells[0]);
    columns.open[i] = Number(cells[1]);
    columns.high[i] = Number(cells[2]);
    columns.low[i] = Number(cells[3]);
    columns.close[i] = Number(cells[4]);
    columns.volume[i] = Number(cells[5]);
    for (const field of ["time", "open", "high", "low", "close", "volume"] as const) {
      if (!Number.isFinite(columns[field][i]!)) throw new Error(`${file}:${l + 1}: ${field} is not a number`);
    }
    i++;
  }
  cache.set(key, columns);
  return columns;
}
