import {
  type AccountView,
  type CandleColumns,
  compile,
  createEvaluator,
  PORT_COLORS,
} from "@tradegraph/nodes";
import { findNodeType } from "./catalogue.ts";
import type { GraphDocument } from "./graph-document.ts";

/** One numeric/boolean output of one node over the whole run, for charts. */
export interface NodeColumn {
  nodeId: string;
  port: string;
  label: string;
  kind: "number" | "boolean";
  category: string;
  values: Float64Array;
}

/** Every node's outputs as columns (candle outputs as `port.field`), keyed by node id then port. */
export type NodeOutputColumns = Record<string, Record<string, Float64Array>>;

export interface NodeValues {
  columns: NodeColumn[];
  /** The same values `valuesAt` reads, as plain columns, so they can cross to and from a Web Worker. */
  outputs: NodeOutputColumns;
  bars: number;
  /** Every node's outputs at bar `i`: the step-through debugger. */
  valuesAt(i: number): Record<string, Record<string, number>>;
}

/**
 * Recomputes every node's outputs in the browser with the same compiled plan and evaluator the engine
 * and the live runner use, so the values shown equal those the backtest traded on. Order intents are
 * dropped here (the trades come from the engine); indicator and condition values do not depend on them.
 */
export function evaluateNodeValues(
  doc: GraphDocument,
  candles: CandleColumns,
  symbol: string,
  timeframeMs: number,
  initialEquity: number,
): NodeValues {
  const compiled = compile(doc);
  if (!compiled.ok) {
    const first = compiled.errors[0];
    throw new Error(`The graph does not compile: ${first?.nodeId}: ${first?.message}`);
  }
  const account: AccountView = {
    initialEquity,
    equity: initialEquity,
    cash: initialEquity,
    peakEquity: initialEquity,
    dayStartEquity: initialEquity,
    positionQuantity: 0,
    positionEntryPrice: Number.NaN,
    barsInPosition: 0,
    openPositions: 0,
    exposure: 0,
    entriesToday: 0,
    lastEntryTime: Number.NaN,
    lastExitTime: Number.NaN,
    closedTrades: 0,
    winningTrades: 0,
    grossProfit: 0,
    grossLoss: 0,
    takerFeeRate: 0,
    makerFeeRate: 0,
  };
  const evaluator = createEvaluator(compiled.plan, { symbol, timeframeMs, candles, account, emit: () => {} });
  for (let i = 0; i < candles.time.length; i++) evaluator.step(i);
  const columns: NodeColumn[] = [];
  for (const node of compiled.plan.nodes) {
    const def = findNodeType(node.type);
    if (!def || def.category === "data" || def.category === "order" || def.category === "risk") continue;
    for (const [port, spec] of Object.entries(def.outputs)) {
      if (spec.type !== "number" && spec.type !== "boolean" && spec.type !== "prediction") continue;
      const values = evaluator.column(node.id, port);
      if (!values) continue;
      const label = Object.keys(def.outputs).length > 1 ? `${node.id} ${spec.label}` : node.id;
      columns.push({
        nodeId: node.id,
        port,
        label,
        kind: spec.type === "boolean" ? "boolean" : "number",
        category: def.category,
        values: values.subarray(0, candles.time.length),
      });
    }
  }
  const bars = candles.time.length;
  return { columns, outputs: outputColumns(evaluator, bars), bars, valuesAt: (i) => evaluator.valuesAt(i) };
}

/** The columns behind `valuesAt`, found from the shape of bar 0 so both list exactly the same ports. */
function outputColumns(evaluator: ReturnType<typeof createEvaluator>, bars: number): NodeOutputColumns {
  const outputs: NodeOutputColumns = {};
  if (bars === 0) return outputs;
  for (const [nodeId, ports] of Object.entries(evaluator.valuesAt(0))) {
    const record: Record<string, Float64Array> = {};
    for (const port of Object.keys(ports)) {
      const column = evaluator.column(nodeId, port);
      if (column) record[port] = column.subarray(0, bars);
    }
    outputs[nodeId] = record;
  }
  return outputs;
}

/** Rebuilds `valuesAt` from plain columns (e.g. after they came back from the worker). */
export function nodeValuesFromOutputs(
  columns: NodeColumn[],
  outputs: NodeOutputColumns,
  bars: number,
): NodeValues {
  const valuesAt = (i: number) => {
    if (!Number.isInteger(i) || i < 0 || i >= bars)
      throw new Error(`node values: bar ${i} has not been evaluated (${bars} bars)`);
    const values: Record<string, Record<string, number>> = {};
    for (const [nodeId, ports] of Object.entries(outputs)) {
      const record: Record<string, number> = {};
      for (const [port, column] of Object.entries(ports)) record[port] = column[i]!;
      values[nodeId] = record;
    }
    return values;
  };
  return { columns, outputs, bars, valuesAt };
}

/** A distinct colour per plotted series (port colours are per type, so several lines would clash). */
const LINE_COLORS = [
  "#ffd43b",
  "#da77f2",
  "#4dabf7",
  "#ff922b",
  "#69db7c",
  "#f783ac",
  "#3bc9db",
  PORT_COLORS.number,
];
export function seriesColor(index: number): string {
  return LINE_COLORS[index % LINE_COLORS.length]!;
}
