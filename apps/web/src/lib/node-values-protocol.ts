import type { CandleColumns } from "@tradegraph/nodes";
import type { GraphDocument } from "./graph-document.ts";
import {
  evaluateNodeValues,
  type NodeColumn,
  type NodeOutputColumns,
  type NodeValues,
  nodeValuesFromOutputs,
} from "./node-values.ts";

/** What the page asks the node-values worker to compute. */
export interface NodeValuesRequest {
  graph: GraphDocument;
  candles: CandleColumns;
  symbol: string;
  timeframeMs: number;
  initialEquity: number;
}

/** The worker's answer: plain columns (transferred, not copied) or the evaluation error's message. */
export type NodeValuesResponse =
  | { ok: true; columns: NodeColumn[]; outputs: NodeOutputColumns; bars: number }
  | { ok: false; error: string };

/** Runs the same pure evaluateNodeValues the main thread would, and lists the buffers to transfer back. */
export function answerNodeValuesRequest(request: NodeValuesRequest): {
  response: NodeValuesResponse;
  transfer: ArrayBuffer[];
} {
  try {
    const { columns, outputs, bars } = evaluateNodeValues(
      request.graph,
      request.candles,
      request.symbol,
      request.timeframeMs,
      request.initialEquity,
    );
    const arrays = [...columns.map((c) => c.values), ...Object.values(outputs).flatMap(Object.values)];
    return { response: { ok: true, columns, outputs, bars }, transfer: uniqueBuffers(arrays) };
  } catch (error) {
    return {
      response: { ok: false, error: error instanceof Error ? error.message : String(error) },
      transfer: [],
    };
  }
}

/** Turns the worker's answer back into NodeValues, or throws its error as the main thread would have. */
export function nodeValuesFromResponse(response: NodeValuesResponse): NodeValues {
  if (!response.ok) throw new Error(response.error);
  return nodeValuesFromOutputs(response.columns, response.outputs, response.bars);
}

/** Copies of the candle columns, transferred to the worker so the page keeps its own for the chart. */
export function candleCopiesToTransfer(candles: CandleColumns): {
  candles: CandleColumns;
  transfer: ArrayBuffer[];
} {
  const copy: CandleColumns = {
    time: candles.time.slice(),
    open: candles.open.slice(),
    high: candles.high.slice(),
    low: candles.low.slice(),
    close: candles.close.slice(),
    volume: candles.volume.slice(),
  };
  return { candles: copy, transfer: uniqueBuffers(Object.values(copy)) };
}

/** Several columns may share one buffer (subarrays); a transfer list must name each buffer once. */
function uniqueBuffers(arrays: Float64Array[]): ArrayBuffer[] {
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
