/** Test helpers: bundled real candles and scripted strategies that emit given intents at given bars. */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { CandleColumns, OrderIntent } from "@tradegraph/nodes";
import type { StrategyContext, StrategyFactory } from "../src/session.ts";
import { sliceColumns } from "../src/timeline.ts";

const cache = new Map<string, CandleColumns>();

/** Reads data/candles/<file> (real Binance candles) into columns. */
export function bundled(file: string): CandleColumns {
  const hit = cache.get(file);
  if (hit) return hit;
  const text = gunzipSync(readFileSync(new URL(`../../../data/candles/${file}`, import.meta.url))).toString();
  const lines = text.trim().split("\n").slice(1);
  const columns: CandleColumns = {
    time: new Float64Array(lines.length),
    open: new Float64Array(lines.length),
    high: new Float64Array(lines.length),
    low: new Float64Array(lines.length),
    close: new Float64Array(lines.length),
    volume: new Float64Array(lines.length),
  };
  lines.forEach((line, i) => {
    const [time, open, high, low, close, volume] = line.split(",").map(Number);
    columns.time[i] = time!;
    columns.open[i] = open!;
    columns.high[i] = high!;
    columns.low[i] = low!;
    columns.close[i] = close!;
    columns.volume[i] = volume!;
  });
  cache.set(file, columns);
  return columns;
}

export function slice(file: string, start: number, end: number): CandleColumns {
  return sliceColumns(bundled(file), start, end);
}

export type IntentSpec = Partial<Omit<OrderIntent, "barIndex" | "time" | "referencePrice">> &
  Pick<OrderIntent, "action">;

/** A strategy that emits the listed intents on the listed bars (bar index → intents). */
export function scripted(script: Record<number, IntentSpec[]>): StrategyFactory {
  return (context: StrategyContext) => ({
    step(i: number) {
      for (const spec of script[i] ?? []) context.emit(intentAt(context, i, spec));
    },
  });
}

/** A strategy computed per bar from the candles up to `i` (and the account). */
export function rule(decide: (context: StrategyContext, i: number) => IntentSpec | null): StrategyFactory {
  return (context: StrategyContext) => ({
    step(i: number) {
      const spec = decide(context, i);
      if (spec) context.emit(intentAt(context, i, spec));
    },
  });
}

function intentAt(context: StrategyContext, i: number, spec: IntentSpec): OrderIntent {
  const candles = context.candles!;
  return {
    nodeId: "order",
    orderType: "market",
    exits: [],
    sizing: null,
    riskGates: [],
    ...spec,
    barIndex: i,
    time: candles.time[i]!,
    referencePrice: candles.close[i]!,
  };
}
