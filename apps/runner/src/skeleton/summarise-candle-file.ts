import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { SkeletonResult } from "@tradegraph/contracts";

const timeframeMs: Record<string, number> = {
  "1m": 60_000,
  "5m": 300_000,
  "15m": 900_000,
  "1h": 3_600_000,
  "4h": 14_400_000,
  "1d": 86_400_000,
};

/**
 * Streams a bundled gz CSV (`time,open,high,low,close,volume`) and summarises it. Rejects any row
 * that is not six finite numbers, with the line number, instead of skipping it.
 * `onProgress` gets 0..1 of the compressed bytes read.
 */
export async function summariseCandleFile(
  path: string,
  timeframe: string,
  onProgress: (fraction: number) => void | Promise<void>,
): Promise<Omit<SkeletonResult, "durationMs" | "file">> {
  const step = timeframeMs[timeframe];
  if (step === undefined) throw new Error(`Unknown timeframe "${timeframe}"`);
  const size = statSync(path).size;
  const raw = createReadStream(path);
  const lines = createInterface({ input: raw.pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let rows = 0;
  let first = Number.NaN;
  let last = Number.NaN;
  let lastClose = Number.NaN;
  let highestHigh = Number.NEGATIVE_INFINITY;
  let lowestLow = Number.POSITIVE_INFINITY;
  let missing = 0;
  let reported = 0;
  for await (const line of lines) {
    lineNumber++;
    if (lineNumber === 1) {
      if (line.trim() !== "time,open,high,low,close,volume") {
        throw new Error(`${path}: line 1 must be the header time,open,high,low,close,volume`);
      }
      continue;
    }
    if (line.trim() === "") continue;
    const cells = line.split(",").map(Number);
    if (cells.length !== 6 || cells.some((c) => !Number.isFinite(c))) {
      throw new Error(`${path}: line ${lineNumber} is not six numbers: "${line}"`);
    }
    const [time, , high, low, close] = cells as [number, number, number, number, number, number];
    if (rows > 0) {
      if (time <= last) throw new Error(`${path}: line ${lineNumber} is not after the previous candle`);
      missing += Math.round((time - last) / step) - 1;
    } else {
      first = time;
    }
    last = time;
    lastClose = close;
    if (high > highestHigh) highestHigh = high;
    if (low < lowestLow) lowestLow = low;
    rows++;
    const fraction = raw.bytesRead / size;
    if (fraction - reported >= 0.1) {
      reported = fraction;
      await onProgress(Math.min(fraction, 0.99));
    }
  }
  if (rows === 0) throw new Error(`${path}: no candles in the file`);
  await onProgress(1);
  return {
    rows,
    firstCandleTime: first,
    lastCandleTime: last,
    lastClose,
    highestHigh,
    lowestLow,
    missingCandles: missing,
  };
}
