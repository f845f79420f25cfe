/**
 * Graph-level harness for tests and benchmarks: compile a document and run it over candle columns, in
 * batch (`step(i)` over the full columns) or streaming (`push` one candle at a time from a small capacity,
 * so the columns grow and re-bind several times). Browser-safe; candles come from `load-candles.ts`.
 */
import { compile } from "../compiler/compile.ts";
import type { CompiledPlan } from "../compiler/plan.ts";
import type { GraphDocument } from "../graph/document.ts";
import type { NodeRegistry } from "../registry/registry.ts";
import { createEvaluator } from "../runtime/evaluator.ts";
import type { PlanEvaluator } from "../runtime/evaluator-api.ts";
import type { AccountView, CandleColumns, OrderIntent } from "../runtime-types.ts";
import { flatAccount } from "./run-node.ts";

export interface GraphRun {
  evaluator: PlanEvaluator;
  intents: OrderIntent[];
}

export interface RunGraphOptions {
  symbol?: string;
  timeframeMs?: number;
  account?: AccountView;
  registry?: NodeRegistry;
  /** Streaming only: initial capacity (small by default so growth is exercised). */
  capacity?: number;
}

export function compileOrThrow(document: GraphDocument | unknown, registry?: NodeRegistry): CompiledPlan {
  const result = compile(document, registry);
  if (!result.ok) {
    throw new Error(
      `graph does not compile:\n${result.errors.map((e) => `${e.nodeId}.${e.port ?? e.param ?? ""} ${e.code}: ${e.message}`).join("\n")}`,
    );
  }
  return result.plan;
}

export function runBatch(
  plan: CompiledPlan,
  candles: CandleColumns,
  options: RunGraphOptions = {},
): GraphRun {
  const intents: OrderIntent[] = [];
  const evaluator = createEvaluator(
    plan,
    {
      symbol: options.symbol ?? "BTC/USDT",
      timeframeMs: options.timeframeMs ?? 3_600_000,
      candles,
      account: options.account ?? flatAccount(),
      emit: (intent) => intents.push(intent),
    },
    options.registry,
  );
  for (let i = 0; i < candles.time.length; i++) evaluator.step(i);
  return { evaluator, intents };
}

export function runStreaming(
  plan: CompiledPlan,
  candles: CandleColumns,
  options: RunGraphOptions = {},
): GraphRun {
  const intents: OrderIntent[] = [];
  const evaluator = createEvaluator(
    plan,
    {
      symbol: options.symbol ?? "BTC/USDT",
      timeframeMs: options.timeframeMs ?? 3_600_000,
      capacity: options.capacity ?? 16,
      account: options.account ?? flatAccount(),
      emit: (intent) => intents.push(intent),
    },
    options.registry,
  );
  for (let i = 0; i < candles.time.length; i++) {
    evaluator.push({
      time: candles.time[i]!,
      open: candles.open[i]!,
      high: candles.high[i]!,
      low: candles.low[i]!,
      close: candles.close[i]!,
      volume: candles.volume[i]!,
    });
  }
  return { evaluator, intents };
}

/** Every column output of every node, trimmed to the bars evaluated: `nodeId.port` → values. */
export function allColumns(run: GraphRun): Map<string, Float64Array> {
  const columns = new Map<string, Float64Array>();
  const n = run.evaluator.length;
  for (const node of run.evaluator.plan.nodes) {
    const values = n > 0 ? (run.evaluator.valuesAt(0)[node.id] ?? {}) : {};
    for (const port of Object.keys(values)) {
      const column = run.evaluator.column(node.id, port);
      if (column) columns.set(`${node.id}.${port}`, column.slice(0, n));
    }
  }
  return columns;
}
