import { storeTimeframeOf } from "@tradegraph/contracts";
import type { CandleColumns } from "@tradegraph/nodes";
import type { GraphDocument } from "../../lib/graph-document.ts";
import { type NodeValues, seriesColor } from "../../lib/node-values.ts";
import { computeNodeValues } from "../../lib/node-values-client.ts";
import { trpc } from "../../lib/trpc.ts";
import { equityColumns, type RunResultJson } from "../results/from-run-result.ts";
import type { IndicatorSeries } from "../results/result-types.ts";

/** The candle range a run covered: its first to its last equity point (one bar per candle). */
export function runCandleRange(result: RunResultJson): { from: number; to: number } | null {
  const { time } = equityColumns(result.equity);
  const first = time[0];
  const last = time.at(-1);
  if (first === undefined || last === undefined) return null;
  return { from: first, to: last + result.timeframeMs };
}

export type RunCandles = { candles: CandleColumns; error: null } | { candles: null; error: string | null };

/** Loads the stored candles the run traded on (first symbol), as Float64Array columns. */
export async function loadRunCandles(result: RunResultJson, symbol = result.symbols[0]): Promise<RunCandles> {
  const range = runCandleRange(result);
  const timeframe = storeTimeframeOf(result.timeframeMs);
  if (!symbol || !range || !timeframe) return { candles: null, error: null };
  try {
    const { candles: c } = await trpc.data.candles.query({
      symbol,
      timeframe,
      ...range,
    });
    if (c.time.length === 0) return { candles: null, error: null };
    return {
      candles: {
        time: Float64Array.from(c.time),
        open: Float64Array.from(c.open),
        high: Float64Array.from(c.high),
        low: Float64Array.from(c.low),
        close: Float64Array.from(c.close),
        volume: Float64Array.from(c.volume),
      },
      error: null,
    };
  } catch (error) {
    return { candles: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Recomputes the graph on the run's candles for indicator lines and the step-through debugger, in a
 * Web Worker so the page stays responsive; null when the graph does not compile, the worker fails or a
 * newer run replaced this computation (the chart still shows prices and trades).
 */
export async function runNodeValues(
  graph: GraphDocument,
  candles: CandleColumns,
  result: RunResultJson,
  symbol: string,
): Promise<{ values: NodeValues; indicators: IndicatorSeries[] } | null> {
  try {
    const values = await computeNodeValues({
      graph,
      candles,
      symbol,
      timeframeMs: result.timeframeMs,
      initialEquity: result.settings.initialCash,
    });
    const indicators = values.columns.map((c, i) => ({
      key: `${c.nodeId}.${c.port}`,
      label: c.label,
      color: seriesColor(i),
      values: c.values,
      kind: c.kind,
    }));
    return { values, indicators };
  } catch {
    return null;
  }
}
