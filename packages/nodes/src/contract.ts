import type { z } from "zod";
import type { PortSpec, PortType } from "./ports.ts";
import type { CandleColumns, EvalContext, ExitRuleSource, RiskChain, SizingSource } from "./runtime-types.ts";

export const NODE_CATEGORIES = ["data", "indicator", "math", "logic", "ml", "risk", "order"] as const;
export type NodeCategory = (typeof NODE_CATEGORIES)[number];

/** Run-time value of a port of each type. */
export interface PortValueMap {
  candles: CandleColumns;
  number: Float64Array;
  boolean: Float64Array;
  prediction: Float64Array;
  exitRule: ExitRuleSource;
  sizing: SizingSource;
  risk: RiskChain;
}
export type PortValue<T extends PortType> = PortValueMap[T];

export type PortRecord = Record<string, PortSpec>;

type InputValue<S extends PortSpec> = S extends { multiple: true }
  ? PortValue<S["type"]>[]
  : S extends { required: true }
    ? PortValue<S["type"]>
    : PortValue<S["type"]> | undefined;

export type Inputs<I extends PortRecord> = { readonly [K in keyof I]: InputValue<I[K]> };
export type Outputs<O extends PortRecord> = { -readonly [K in keyof O]: PortValue<O[K]["type"]> };

/**
 * A node's view of its ports. Column outputs (number, boolean, prediction, candles) are allocated by
 * the evaluator: write `io.out.key[i]`. Object outputs (exitRule, sizing, risk) are set once by `init`.
 * A node that `definesClock` writes 1 into `io.tick[i]` on bars where its output is a new sample.
 */
export interface NodeIO<I extends PortRecord, O extends PortRecord> {
  readonly in: Inputs<I>;
  readonly out: Outputs<O>;
  tick: Uint8Array;
}

/** Fixed facts about one node instance, given to `init`. */
export interface NodeInstanceInfo {
  readonly nodeId: string;
  readonly symbol: string;
  readonly timeframeMs: number;
}

/** A parameter migration from `fromVersion` to `fromVersion + 1`; pure and tested with fixtures. */
export type ParamsMigration = (params: Record<string, unknown>) => Record<string, unknown>;

/** A migration that may also rename ports: edges are rewired to the new keys, never dropped. */
export interface NodeMigration {
  params?: ParamsMigration;
  /** Old input key → new input key. */
  renamedInputs?: Record<string, string>;
  /** Old output key → new output key. */
  renamedOutputs?: Record<string, string>;
}

export interface NodeDefinition<
  I extends PortRecord = PortRecord,
  O extends PortRecord = PortRecord,
  P extends z.ZodObject = z.ZodObject,
  S = unknown,
> {
  /** Stable id, `category.name` (e.g. `indicator.rsi`). */
  type: string;
  version: number;
  category: NodeCategory;
  title: string;
  /** One or two sentences a trader understands: formula, warm-up, and the convention followed. */
  description: string;
  inputs: I;
  outputs: O;
  /** Params schema with defaults; UI hints live in `.meta({ label, unit, min, max, step, optimisable })`. */
  params: P;
  /** Bars (on the node's own clock) before the first valid output. */
  warmup(params: z.output<P>): number;
  /**
   * The node's `candles` output is the run's market data itself: the evaluator binds the run's candle
   * columns to it and `step` does nothing. Used only by the candles data node.
   */
  source?: "runCandles";
  /** Outputs define a new clock (the higher-timeframe view): the node writes `io.tick`. */
  definesClock?: boolean;
  /** With `definesClock`: the period of the clock the params choose, in ms (for warm-up in base bars). */
  clockPeriodMs?(params: z.output<P>): number;
  /** Migrations keyed by the version they upgrade from (a bare function migrates params only). */
  migrations?: Record<number, ParamsMigration | NodeMigration>;
  /**
   * Order nodes: `entry` nodes must have a risk gate upstream; `exit` nodes only reduce exposure. The
   * compiler requires at least one order node and that every other node leads to one.
   */
  emitsOrders?: "entry" | "exit";
  init(params: z.output<P>, io: NodeIO<I, O>, info: NodeInstanceInfo): S;
  /**
   * Cross-checks of params against which inputs are connected (e.g. an ATR stop needs its ATR input).
   * The compiler reports each problem as an error on this node.
   */
  checkWiring?(params: z.output<P>, connected: ReadonlySet<string>): WiringProblem[];
  /**
   * Optional batch loop: `for (i = from; i < to; i++) step(...)` written in the node's own module, so
   * the engine can inline the step (a shared loop calling every node's step cannot). Must call the same
   * step function: values stay identical (the parity tests compare with streaming, which never uses it).
   */
  stepRange?(
    state: S,
    io: NodeIO<I, O>,
    from: number,
    to: number,
    ctx: EvalContext,
    params: z.output<P>,
  ): void;
  /** Advance one closed bar. Must read only index `i` of its inputs (history lives in `state`). */
  step(state: S, io: NodeIO<I, O>, i: number, ctx: EvalContext, params: z.output<P>): void;
}

/** Erased form stored in the registry. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds definitions of every shape
export type AnyNodeDefinition = NodeDefinition<PortRecord, PortRecord, z.ZodObject, any>;

/** Identity with inference: keeps each definition's ports, params and state precisely typed. */
export function defineNode<const I extends PortRecord, const O extends PortRecord, P extends z.ZodObject, S>(
  definition: NodeDefinition<I, O, P, S>,
): NodeDefinition<I, O, P, S> {
  return definition;
}

export interface WiringProblem {
  port?: string;
  param?: string;
  message: string;
}

/** UI hints carried in a param's zod `.meta()`. */
export interface ParamMeta {
  label: string;
  unit?: string;
  description?: string;
  min?: number;
  max?: number;
  step?: number;
  /** The optimiser may sweep this parameter. */
  optimisable?: boolean;
}
