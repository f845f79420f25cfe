/**
 * Single-node harness for tests and benchmarks: parse params through the node's schema, allocate its
 * output columns, call `init`, step bars 0..n-1 and return the outputs. Node-only helpers (file reading)
 * live in `load-candles.ts` (re-exported below; tests and benchmarks only, never the browser).
 */
import type { z } from "zod";
import type { NodeDefinition, NodeIO, Outputs, PortRecord, PortValueMap } from "../contract.ts";
import type { AccountView, CandleColumns, EvalContext, OrderIntent } from "../runtime-types.ts";

export interface RunNodeOptions {
  symbol?: string;
  timeframeMs?: number;
  /** Bars to step; defaults to the length of the first column/candle input. */
  length?: number;
  /** Account the node sees (order and risk nodes); defaults to a flat 10,000 USDT account. */
  account?: AccountView;
  nodeId?: string;
  /** The run's candles (ctx.candles); defaults to the node's candles input. */
  candles?: CandleColumns;
}

export interface RunNodeResult<O extends PortRecord, S> {
  out: Outputs<O>;
  tick: Uint8Array;
  intents: OrderIntent[];
  state: S;
}

/** A flat account: no position, no trades, 10,000 of cash. */
export function flatAccount(overrides: Partial<AccountView> = {}): AccountView {
  return {
    initialEquity: 10_000,
    equity: 10_000,
    cash: 10_000,
    peakEquity: 10_000,
    dayStartEquity: 10_000,
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
    takerFeeRate: 0.001,
    makerFeeRate: 0.001,
    ...overrides,
  };
}

function isCandles(value: unknown): value is CandleColumns {
  return typeof value === "object" && value !== null && "close" in value && "time" in value;
}

function inferLength(inputs: Record<string, unknown>): number {
  for (const value of Object.values(inputs)) {
    if (value instanceof Float64Array) return value.length;
    if (isCandles(value)) return value.close.length;
    if (Array.isArray(value)) {
      const first = value[0];
      if (first instanceof Float64Array) return first.length;
      if (isCandles(first)) return first.close.length;
    }
  }
  throw new Error("runNode: no column input to take the bar count from; pass options.length");
}

function allocateCandles(n: number): CandleColumns {
  return allocateOutputs({ candles: { type: "candles", label: "" } }, n).candles as CandleColumns;
}

function allocateOutputs(ports: PortRecord, n: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(ports)) {
    if (spec.type === "candles") {
      out[key] = {
        time: new Float64Array(n).fill(Number.NaN),
        open: new Float64Array(n).fill(Number.NaN),
        high: new Float64Array(n).fill(Number.NaN),
        low: new Float64Array(n).fill(Number.NaN),
        close: new Float64Array(n).fill(Number.NaN),
        volume: new Float64Array(n).fill(Number.NaN),
      } satisfies CandleColumns;
    } else if (spec.type === "number" || spec.type === "boolean" || spec.type === "prediction") {
      out[key] = new Float64Array(n).fill(Number.NaN);
    }
    // Object outputs (exitRule, sizing, risk) are set by init.
  }
  return out;
}

/**
 * Runs one node over whole columns. `params` go through the node's zod schema (defaults applied, invalid
 * params throw). `inputs` maps input port keys to values (a column, candle columns, or an array for
 * `multiple` ports).
 */
export function runNode<I extends PortRecord, O extends PortRecord, P extends z.ZodObject, S>(
  definition: NodeDefinition<I, O, P, S>,
  params: z.input<P> | Record<string, unknown>,
  inputs: { [K in keyof I]?: PortValueMap[I[K]["type"]] | PortValueMap[I[K]["type"]][] },
  options: RunNodeOptions = {},
): RunNodeResult<O, S> {
  const parsed = definition.params.parse(params) as z.output<P>;
  const n = options.length ?? inferLength(inputs as Record<string, unknown>);
  const io = {
    in: inputs,
    out: allocateOutputs(definition.outputs, n),
    tick: new Uint8Array(n),
  } as unknown as NodeIO<I, O>;
  const info = {
    nodeId: options.nodeId ?? "node",
    symbol: options.symbol ?? "BTC/USDT",
    timeframeMs: options.timeframeMs ?? 3_600_000,
  };
  const intents: OrderIntent[] = [];
  const ctx: EvalContext = {
    symbol: info.symbol,
    timeframeMs: info.timeframeMs,
    candles:
      options.candles ??
      (Object.values(inputs).find(isCandles) as CandleColumns | undefined) ??
      allocateCandles(0),
    account: options.account ?? flatAccount(),
    emit: (intent) => intents.push(intent),
  };
  const state = definition.init(parsed, io, info);
  for (let i = 0; i < n; i++) definition.step(state, io, i, ctx, parsed);
  return { out: io.out, tick: io.tick, intents, state };
}

/** First index holding a non-NaN value, or -1. */
export function firstValidIndex(column: Float64Array): number {
  for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i]!)) return i;
  return -1;
}

/** Rows [start, end) of candle columns as copies, so a node cannot see later bars. */
export { sliceCandleColumns as sliceCandles } from "../candle-columns.ts";

export { loadBundledCandles } from "./load-candles.ts";
