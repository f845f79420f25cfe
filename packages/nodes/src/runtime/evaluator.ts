import { BASE_CLOCK, type CompiledPlan, type PlannedNode } from "../compiler/plan.ts";
import type { AnyNodeDefinition, NodeInstanceInfo } from "../contract.ts";
import { nodeRegistry } from "../registry/default-registry.ts";
import type { NodeRegistry } from "../registry/registry.ts";
import {
  type AccountView,
  CANDLE_FIELDS,
  type Candle,
  type CandleColumns,
  type EvalContext,
  type OrderIntent,
} from "../runtime-types.ts";
import {
  checkCandle,
  emptyCandleColumns,
  growCandleColumns,
  growColumn,
  isColumnType,
  nanColumn,
} from "./columns.ts";
import type { EvaluatorOptions, PlanEvaluator } from "./evaluator-api.ts";

/** Bars per precompute chunk: 13 columns × 2048 × 8 bytes stay within a typical L2 cache. */
const PRECOMPUTE_CHUNK = 2048;

interface MutableIO {
  in: Record<string, unknown>;
  out: Record<string, unknown>;
  tick: Uint8Array;
}

interface RuntimeNode {
  planned: PlannedNode;
  definition: AnyNodeDefinition;
  params: unknown;
  io: MutableIO;
  state: unknown;
  /** The higher-timeframe node whose ticks this node steps on (null = every bar). */
  clockOwner: RuntimeNode | null;
  columnOutputs: string[];
  candleOutputs: string[];
}

/**
 * Runs a compiled plan bar by bar. Batch and streaming share `step`, so both give the same values;
 * streaming only grows the columns (doubling) and re-binds every node's `io` to the new arrays.
 */
export function createEvaluator(
  plan: CompiledPlan,
  options: EvaluatorOptions,
  registry: NodeRegistry = nodeRegistry,
): PlanEvaluator {
  let capacity = options.candles ? options.candles.time.length : Math.max(16, options.capacity ?? 1024);
  const candles: CandleColumns = options.candles ? { ...options.candles } : emptyCandleColumns(capacity);
  let candleCount = options.candles ? capacity : 0;
  if (options.candles) checkBatchCandles(candles);
  let length = 0;
  let account = options.account;
  const ctx: EvalContext = {
    symbol: options.symbol,
    timeframeMs: options.timeframeMs,
    candles,
    get account() {
      return account;
    },
    emit: (intent: OrderIntent) => options.emit(intent),
  };

  const byId = new Map<string, RuntimeNode>();
  const nodes: RuntimeNode[] = plan.nodes.map((planned) => {
    const definition = registry.get(planned.type, planned.version);
    if (!definition)
      throw new Error(`node "${planned.id}": ${planned.type} v${planned.version} is not in the registry`);
    const params = definition.params.parse(planned.params);
    const out: Record<string, unknown> = {};
    const columnOutputs: string[] = [];
    const candleOutputs: string[] = [];
    for (const [key, spec] of Object.entries(definition.outputs)) {
      if (isColumnType(spec.type)) {
        out[key] = nanColumn(capacity);
        columnOutputs.push(key);
      } else if (spec.type === "candles") {
        if (definition.source === "runCandles") out[key] = candles;
        else {
          out[key] = emptyCandleColumns(capacity);
          candleOutputs.push(key);
        }
      }
    }
    const clockOwner = planned.clock === BASE_CLOCK ? null : (byId.get(planned.clock) ?? null);
    if (planned.clock !== BASE_CLOCK && !clockOwner) {
      throw new Error(
        `node "${planned.id}" runs on clock "${planned.clock}", which is not an earlier node of the plan`,
      );
    }
    const runtime: RuntimeNode = {
      planned,
      definition,
      params,
      io: { in: {}, out, tick: new Uint8Array(capacity) },
      state: undefined,
      clockOwner,
      columnOutputs,
      candleOutputs,
    };
    byId.set(planned.id, runtime);
    return runtime;
  });

  function bindNode(node: RuntimeNode): void {
    for (const [key, spec] of Object.entries(node.definition.inputs)) {
      const values = (node.planned.inputs[key] ?? []).map((source) => {
        const upstream = byId.get(source.node);
        if (!upstream)
          throw new Error(
            `node "${node.planned.id}".${key}: source node "${source.node}" is not in the plan`,
          );
        return upstream.io.out[source.port];
      });
      node.io.in[key] = spec.multiple ? values : values[0];
    }
  }
  function bindInputs(): void {
    for (const node of nodes) bindNode(node);
  }

  // In plan order, so each node's object inputs (risk chains, exit rules) exist when it is initialised.
  for (const node of nodes) {
    bindNode(node);
    const info: NodeInstanceInfo = {
      nodeId: node.planned.id,
      symbol: options.symbol,
      timeframeMs: options.timeframeMs,
    };
    // biome-ignore lint/suspicious/noExplicitAny: erased definition; params were parsed by its own schema
    node.state = node.definition.init(node.params as any, node.io as any, info);
    for (const [key, spec] of Object.entries(node.definition.outputs)) {
      if (!isColumnType(spec.type) && spec.type !== "candles" && node.io.out[key] === undefined) {
        throw new Error(
          `node "${node.planned.id}" (${node.definition.type}): init did not set its ${spec.type} output "${key}"`,
        );
      }
    }
  }

  function grow(minimum: number): void {
    let next = Math.max(16, capacity * 2);
    while (next < minimum) next *= 2;
    capacity = next;
    growCandleColumns(candles, capacity);
    for (const node of nodes) {
      for (const key of node.columnOutputs)
        node.io.out[key] = growColumn(node.io.out[key] as Float64Array, capacity);
      for (const key of node.candleOutputs) growCandleColumns(node.io.out[key] as CandleColumns, capacity);
      const tick = new Uint8Array(capacity);
      tick.set(node.io.tick);
      node.io.tick = tick;
    }
    bindInputs();
  }

  function hold(node: RuntimeNode, i: number): void {
    for (const key of node.columnOutputs) {
      const column = node.io.out[key] as Float64Array;
      column[i] = i > 0 ? column[i - 1]! : Number.NaN;
    }
    for (const key of node.candleOutputs) {
      const columns = node.io.out[key] as CandleColumns;
      for (const field of ["time", "open", "high", "low", "close", "volume"] as const) {
        columns[field][i] = i > 0 ? columns[field][i - 1]! : Number.NaN;
      }
    }
  }

  function runNodeAt(node: RuntimeNode, i: number): void {
    const owner = node.clockOwner;
    if (owner !== null && owner.io.tick[i] !== 1) hold(node, i);
    // biome-ignore lint/suspicious/noExplicitAny: erased definition
    else node.definition.step(node.state, node.io as any, i, ctx, node.params as any);
  }

  /**
   * Batch speed-up: nodes that only transform market data (data, indicator, math, logic, ml) do not
   * depend on the account or the simulator, so over a known history they run one node at a time over
   * all bars (tight, monomorphic loops). Same step function, same bar order per node, so the values are
   * identical to bar-by-bar (the parity tests compare with streaming). Risk gates and order nodes still
   * run bar by bar with the engine. Columns of these nodes may hold later bars: read only `< length`.
   */
  let precomputedBars = 0;
  const perBar: RuntimeNode[] = [];
  if (options.candles && options.precompute !== false) {
    const marketOnly = new Set(["data", "indicator", "math", "logic", "ml"]);
    const ahead: RuntimeNode[] = [];
    for (const node of nodes) {
      const upstreamPerBar = Object.values(node.planned.inputs).some((sources) =>
        sources.some((s) => perBar.includes(byId.get(s.node)!)),
      );
      if (marketOnly.has(node.definition.category) && !upstreamPerBar) ahead.push(node);
      else perBar.push(node);
    }
    // In chunks of bars, so the columns being read and written stay in cache between nodes.
    for (let start = 0; start < candleCount; start += PRECOMPUTE_CHUNK) {
      const end = Math.min(candleCount, start + PRECOMPUTE_CHUNK);
      for (const node of ahead) {
        if (node.definition.stepRange && node.clockOwner === null) {
          // biome-ignore lint/suspicious/noExplicitAny: erased definition
          node.definition.stepRange(node.state, node.io as any, start, end, ctx, node.params as any);
        } else for (let i = start; i < end; i++) runNodeAt(node, i);
      }
    }
    precomputedBars = candleCount;
  } else perBar.push(...nodes);

  function step(i: number): void {
    if (i !== length) throw new Error(`evaluator: bar ${i} requested but the next bar is ${length}`);
    if (i >= candleCount) throw new Error(`evaluator: no candle at bar ${i} (${candleCount} candles loaded)`);
    const list = i < precomputedBars ? perBar : nodes;
    for (let n = 0; n < list.length; n++) runNodeAt(list[n]!, i);
    length = i + 1;
  }

  return {
    plan,
    get length() {
      return length;
    },
    get candles() {
      return candles;
    },
    step,
    push(candle: Candle): number {
      const i = length;
      if (i !== candleCount)
        throw new Error(`evaluator: push at bar ${i} but ${candleCount} candles are loaded`);
      checkCandle(candle, i, i > 0 ? candles.time[i - 1]! : Number.NEGATIVE_INFINITY);
      if (i >= capacity) grow(i + 1);
      candles.time[i] = candle.time;
      candles.open[i] = candle.open;
      candles.high[i] = candle.high;
      candles.low[i] = candle.low;
      candles.close[i] = candle.close;
      candles.volume[i] = candle.volume;
      candleCount = i + 1;
      step(i);
      return i;
    },
    column(nodeId: string, port: string): Float64Array | undefined {
      const node = byId.get(nodeId);
      if (!node) return undefined;
      const [key, field] = port.split(".") as [string, string | undefined];
      const value = node.io.out[key];
      if (value instanceof Float64Array) return value;
      if (field && value && typeof value === "object" && field in value) {
        return (value as Record<string, Float64Array>)[field];
      }
      return undefined;
    },
    valuesAt(i: number): Record<string, Record<string, number>> {
      if (i < 0 || i >= length)
        throw new Error(`evaluator: bar ${i} has not been evaluated (${length} bars so far)`);
      const values: Record<string, Record<string, number>> = {};
      for (const node of nodes) {
        const record: Record<string, number> = {};
        for (const key of node.columnOutputs) record[key] = (node.io.out[key] as Float64Array)[i]!;
        for (const [key, spec] of Object.entries(node.definition.outputs)) {
          if (spec.type !== "candles") continue;
          const columns = node.io.out[key] as CandleColumns;
          for (const field of ["time", "open", "high", "low", "close", "volume"] as const) {
            record[`${key}.${field}`] = columns[field][i]!;
          }
        }
        values[node.planned.id] = record;
      }
      return values;
    },
    setAccount(next: AccountView): void {
      account = next;
    },
    nodeState(nodeId: string) {
      const node = byId.get(nodeId);
      if (!node) return undefined;
      return { nodeId, type: node.planned.type, version: node.planned.version, state: node.state };
    },
    replaceNodeState(nodeId: string, state: unknown): void {
      const node = byId.get(nodeId);
      if (!node)
        throw new Error(`evaluator: node "${nodeId}" is not in the plan, so its state cannot be replaced`);
      node.state = state;
    },
  };
}

function checkBatchCandles(candles: CandleColumns): void {
  const n = candles.time.length;
  for (const field of CANDLE_FIELDS) {
    const column = candles[field];
    if (column.length !== n) throw new Error(`candles: ${field} has ${column.length} values, time has ${n}`);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(column[i]!))
        throw new Error(`candle ${i}: ${field} is ${column[i]}, expected a finite number`);
    }
  }
  for (let i = 1; i < n; i++) {
    if (!(candles.time[i]! > candles.time[i - 1]!)) {
      throw new Error(
        `candle ${i} at ${new Date(candles.time[i]!).toISOString()} is not after the previous candle`,
      );
    }
  }
}
