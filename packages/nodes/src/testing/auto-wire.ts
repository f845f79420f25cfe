/**
 * Wires any node type into a complete, compilable strategy from its port types alone, so generic tests
 * (parity, truncation, no mutation) cover every type in the registry without a hand-written graph each:
 * candles ← the run's candles (or a 4h view), number ← close/open/high/low, boolean ← a cross and a
 * compare, risk ← a gate, exitRule ← a stop-loss, sizing ← % equity. Outputs are turned into conditions
 * that feed an entry (order nodes are their own sink).
 */
import type { AnyNodeDefinition } from "../contract.ts";
import { GraphBuilder } from "../graph/builder.ts";
import type { GraphDocument } from "../graph/document.ts";
import type { NodeRegistry } from "../registry/registry.ts";

export const NODE_UNDER_TEST = "subject";

export interface AutoWireOptions {
  /** Feed candle inputs from a higher-timeframe view, so the node runs on that clock. */
  higherTimeframe?: string;
  params?: Record<string, unknown>;
  registry?: NodeRegistry;
}

const NUMBER_SOURCES = ["close.value", "open.value", "high.value", "low.value"];

export function autoWire(definition: AnyNodeDefinition, options: AutoWireOptions = {}): GraphDocument {
  const b = new GraphBuilder(`auto ${definition.type}`, options.registry);
  b.add("data.candles", {}, {}, "candles");
  let feed = "candles.candles";
  if (options.higherTimeframe) {
    b.add(
      "data.higherTimeframe",
      { timeframe: options.higherTimeframe },
      { candles: "candles.candles" },
      "htf",
    );
    feed = "htf.candles";
  }
  for (const field of ["close", "open", "high", "low"])
    b.add("data.price", { field }, { candles: feed }, field);
  b.add("math.lag", { bars: 3 }, { source: "close.value" }, "close3");
  b.add("logic.crossOver", {}, { a: "close.value", b: "close3.value" }, "cross");
  b.add("logic.compare", { operator: ">" }, { a: "close.value", b: "open.value" }, "greenBar");
  b.add("risk.maxDrawdown", {}, {}, "gate");
  b.add("order.stopLoss", { percent: 2 }, {}, "stop");
  b.add("order.sizePercentEquity", { percent: 10 }, {}, "size");
  const used = new Set([
    "candles",
    "gate",
    "stop",
    "size",
    "htf",
    ...NUMBER_SOURCES.map((s) => s.split(".")[0]!),
    "close3",
    "cross",
    "greenBar",
  ]);

  const inputs: Record<string, string | string[]> = {};
  let numberIndex = 0;
  for (const [key, spec] of Object.entries(definition.inputs)) {
    switch (spec.type) {
      case "candles":
        inputs[key] = spec.multiple ? [feed] : feed;
        break;
      case "number":
      case "prediction": {
        const sources = spec.multiple
          ? NUMBER_SOURCES.slice(0, 3)
          : [NUMBER_SOURCES[numberIndex++ % NUMBER_SOURCES.length]!];
        inputs[key] = spec.multiple ? sources : sources[0]!;
        break;
      }
      case "boolean":
        inputs[key] = spec.multiple ? ["cross.crossed", "greenBar.result"] : "cross.crossed";
        break;
      case "risk":
        inputs[key] = "gate.risk";
        break;
      case "exitRule":
        inputs[key] = ["stop.rule"];
        break;
      case "sizing":
        inputs[key] = "size.size";
        break;
    }
  }
  b.add(definition.type, options.params ?? {}, inputs, NODE_UNDER_TEST);

  // Make every output lead to an order node.
  const conditions: string[] = [];
  let risk = "gate.risk";
  const exits = ["stop.rule"];
  let size = "size.size";
  let n = 0;
  for (const [key, spec] of Object.entries(definition.outputs)) {
    const out = `${NODE_UNDER_TEST}.${key}`;
    switch (spec.type) {
      case "boolean":
        conditions.push(out);
        break;
      case "number":
      case "prediction":
        conditions.push(`${b.add("logic.crossOver", {}, { a: out }, `cond${n++}`)}.crossed`);
        conditions.push(
          `${b.add("logic.compare", { operator: ">=" }, { a: out, b: "close.value" }, `cond${n++}`)}.result`,
        );
        break;
      case "candles": {
        const price = b.add("data.price", { field: "close" }, { candles: out }, `cond${n++}`);
        conditions.push(
          `${b.add("logic.rising", { bars: 1 }, { source: `${price}.value` }, `cond${n++}`)}.result`,
        );
        break;
      }
      case "risk":
        risk = out;
        break;
      case "exitRule":
        exits.push(out);
        break;
      case "sizing":
        size = out;
        break;
    }
  }
  if (!definition.emitsOrders) {
    const when =
      conditions.length === 0
        ? "cross.crossed"
        : conditions.length === 1
          ? conditions[0]!
          : `${b.add("logic.or", {}, { conditions }, "anyCondition")}.result`;
    b.add("order.enterLong", {}, { when, risk, exits, size }, "entry");
  }
  // Helper nodes not needed by this node type are dropped so the graph has no unreachable nodes.
  const document = b.build();
  return pruneUnreachable(document, used);
}

/** Removes helper nodes (from `helpers`) that do not lead to an order node. */
function pruneUnreachable(document: GraphDocument, helpers: ReadonlySet<string>): GraphDocument {
  const upstream = new Map<string, string[]>();
  for (const edge of document.edges) {
    const list = upstream.get(edge.to.node) ?? [];
    list.push(edge.from.node);
    upstream.set(edge.to.node, list);
  }
  const sinks = document.nodes
    .filter((n) => n.type.startsWith("order.enter") || n.type === "order.exit")
    .map((n) => n.id);
  const keep = new Set(sinks);
  const stack = [...sinks];
  while (stack.length > 0) {
    for (const u of upstream.get(stack.pop()!) ?? []) {
      if (!keep.has(u)) {
        keep.add(u);
        stack.push(u);
      }
    }
  }
  const nodes = document.nodes.filter((n) => keep.has(n.id) || !helpers.has(n.id));
  const ids = new Set(nodes.map((n) => n.id));
  return {
    ...document,
    nodes,
    edges: document.edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node)),
  };
}
