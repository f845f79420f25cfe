import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { bucketOpenTime, HIGHER_TIMEFRAMES, type HigherTimeframe } from "./buckets.ts";

interface Bucket {
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

interface HtfState {
  periodMs: number;
  baseMs: number;
  /** Open time of the bucket being built, NaN when none. */
  bucketTime: number;
  /** False when the bucket's start was not seen (the partial first bucket), which is never emitted. */
  complete: boolean;
  /** A bucket has been started before: only the very first bucket can be partial at its start. */
  started: boolean;
  /** Some base candle of the bucket had volume: zero-volume (halt) candles hold no trades. */
  hasTrades: boolean;
  bucket: Bucket;
  /** The last closed bucket, written to the outputs on every bar. */
  lastTime: number;
  last: Bucket;
}

export const higherTimeframeNode = defineNode({
  type: "data.higherTimeframe",
  version: 1,
  category: "data",
  title: "Higher timeframe",
  description:
    "Builds candles of a higher timeframe from the run's candles, with exchange (UTC) buckets; weeks start Monday 00:00 UTC. Outputs always hold the last CLOSED higher-timeframe candle, which appears on the base bar that closes its bucket (or the first bar after a gap). A partial first bucket is skipped; zero-volume (halt) candles hold no trades, so they never set a bucket's open, high or low. Nodes fed only by this view run on its clock.",
  inputs: { candles: { type: "candles", label: "Candles", required: true } },
  outputs: { candles: { type: "candles", label: "Closed HTF candles" } },
  params: z.object({
    timeframe: z
      .enum(Object.keys(HIGHER_TIMEFRAMES) as [HigherTimeframe, ...HigherTimeframe[]])
      .default("4h")
      .meta({ label: "Timeframe", description: "Must be a whole multiple of the run's timeframe." }),
  }),
  definesClock: true,
  clockPeriodMs: (p) => HIGHER_TIMEFRAMES[p.timeframe],
  // The compiler adds the bars to the first closed bucket (see warmupBars); none on its own clock.
  warmup: () => 0,
  init: (p, _io, info): HtfState => {
    const periodMs = HIGHER_TIMEFRAMES[p.timeframe];
    if (periodMs <= info.timeframeMs || periodMs % info.timeframeMs !== 0) {
      throw new Error(
        `node "${info.nodeId}": timeframe ${p.timeframe} must be a whole multiple above the run's timeframe (${info.timeframeMs / 60_000} min)`,
      );
    }
    const empty = () => ({
      open: Number.NaN,
      high: Number.NaN,
      low: Number.NaN,
      close: Number.NaN,
      volume: Number.NaN,
    });
    return {
      periodMs,
      baseMs: info.timeframeMs,
      bucketTime: Number.NaN,
      complete: false,
      started: false,
      hasTrades: false,
      bucket: empty(),
      lastTime: Number.NaN,
      last: empty(),
    };
  },
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (s, io, i) => {
    const base = io.in.candles;
    const time = base.time[i]!;
    const bucketTime = bucketOpenTime(time, s.periodMs);
    let closed = false;
    if (bucketTime !== s.bucketTime && !Number.isNaN(s.bucketTime)) {
      // A gap swallowed the end of the previous bucket: it closes now, on the first bar after the gap.
      closed = closeBucket(s) || closed;
    }
    const volume = base.volume[i]!;
    if (Number.isNaN(s.bucketTime)) {
      s.complete = s.started || time === bucketTime;
      s.started = true;
      s.bucketTime = bucketTime;
      s.hasTrades = volume > 0;
      s.bucket.open = base.open[i]!;
      s.bucket.high = base.high[i]!;
      s.bucket.low = base.low[i]!;
      s.bucket.volume = volume;
    } else if (!s.hasTrades && volume > 0) {
      // Like the exchange: the open, high and low come from the first candle with trades, not a halt candle.
      s.hasTrades = true;
      s.bucket.open = base.open[i]!;
      s.bucket.high = base.high[i]!;
      s.bucket.low = base.low[i]!;
      s.bucket.volume += volume;
    } else {
      s.bucket.high = Math.max(s.bucket.high, base.high[i]!);
      s.bucket.low = Math.min(s.bucket.low, base.low[i]!);
      s.bucket.volume += volume;
    }
    s.bucket.close = base.close[i]!;
    if (time + s.baseMs === bucketTime + s.periodMs) closed = closeBucket(s) || closed;
    io.tick[i] = closed ? 1 : 0;
    const out = io.out.candles;
    out.time[i] = s.lastTime;
    out.open[i] = s.last.open;
    out.high[i] = s.last.high;
    out.low[i] = s.last.low;
    out.close[i] = s.last.close;
    out.volume[i] = s.last.volume;
  },
});

/** Ends the current bucket; returns true when it became the new closed candle. */
function closeBucket(s: HtfState): boolean {
  const emitted = s.complete;
  if (emitted) {
    s.lastTime = s.bucketTime;
    s.last.open = s.bucket.open;
    s.last.high = s.bucket.high;
    s.last.low = s.bucket.low;
    s.last.close = s.bucket.close;
    s.last.volume = s.bucket.volume;
  }
  s.bucketTime = Number.NaN;
  return emitted;
}
