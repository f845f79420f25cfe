import type { CompiledPlan } from "../compiler/plan.ts";
import type { AccountView, Candle, CandleColumns, OrderIntent } from "../runtime-types.ts";

/**
 * One evaluator serves both speeds. Batch (backtest): candle columns hold the whole history and the
 * engine calls `step(i)` for i = 0..n-1, interleaved with its simulator. Streaming (live): the runner
 * calls `push(candle)` as each candle closes, which appends it and evaluates that bar. Both run the same
 * node steps in the same order, so every node has identical values on the same candles.
 */
export interface PlanEvaluator {
  readonly plan: CompiledPlan;
  /** Bars evaluated so far. */
  readonly length: number;
  /** The run's candle columns (grow while streaming; read `length` values). */
  readonly candles: CandleColumns;
  /** Evaluate bar `i` (must be exactly `length`); the candle columns must already hold it. */
  step(i: number): void;
  /** Streaming: append one closed candle and evaluate it. Returns the bar index. */
  push(candle: Candle): number;
  /** A node's output column (numbers/booleans) for charts and the step-through debugger. */
  column(nodeId: string, port: string): Float64Array | undefined;
  /** Every numeric/boolean output of every node at bar `i` (debugger). */
  valuesAt(i: number): Record<string, Record<string, number>>;
  /** Replace the account view nodes and gates see (alternatively mutate the object passed in options). */
  setAccount(account: AccountView): void;
  /**
   * A node's live state (what its `init` returned and `step` advances), with its type so callers can check
   * what they read, e.g. a predictor's trained model and prediction history. Undefined for unknown ids.
   */
  nodeState(nodeId: string): NodeStateEntry | undefined;
  /**
   * Replace a node's state, e.g. with one restored from a snapshot before a restarted deployment resumes.
   * The caller guarantees the state belongs to this node type and params; throws for unknown ids.
   */
  replaceNodeState(nodeId: string, state: unknown): void;
}

export interface NodeStateEntry {
  nodeId: string;
  type: string;
  version: number;
  state: unknown;
}

export interface EvaluatorOptions {
  symbol: string;
  timeframeMs: number;
  /** Batch: the full history. Streaming: omit and use `push`. */
  candles?: CandleColumns;
  /** Streaming: initial column capacity (grows by doubling). */
  capacity?: number;
  /** Live view of the account, updated by the engine before each `step`. */
  account: AccountView;
  /**
   * Batch only: run market-data nodes (data, indicators, math, logic, ML) node by node over the whole
   * history up front, then only risk and order nodes per `step`. Identical values; default true.
   */
  precompute?: boolean;
  /** Receives every order intent emitted during a step. */
  emit(intent: OrderIntent): void;
}
