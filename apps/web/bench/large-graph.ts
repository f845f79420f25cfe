import type { GraphDocument } from "../src/lib/graph-document.ts";

/**
 * A valid strategy of `groups * 3 + 5` nodes: many SMA-vs-threshold conditions OR-ed into one entry.
 * groups = 65 gives 200 nodes. Laid out on a grid like a big hand-built graph.
 */
export function largeStrategy(groups = 65): GraphDocument {
  const nodes: GraphDocument["nodes"] = [];
  const edges: GraphDocument["edges"] = [];
  const add = (id: string, type: string, x: number, y: number, params: Record<string, unknown> = {}) =>
    nodes.push({ id, type, version: 1, params, position: { x, y } });
  const link = (from: string, fromPort: string, to: string, toPort: string) =>
    edges.push({
      id: `${from}.${fromPort}->${to}.${toPort}`,
      from: { node: from, port: fromPort },
      to: { node: to, port: toPort },
    });
  add("candles_1", "data.candles", 0, 0);
  add("price_1", "data.price", 260, 0, { field: "close" });
  link("candles_1", "candles", "price_1", "candles");
  add("or_1", "logic.or", 1300, 0);
  for (let g = 0; g < groups; g++) {
    const y = g * 140;
    add(`sma_${g}`, "indicator.sma", 520, y, { period: 5 + g });
    add(`roc_${g}`, "indicator.roc", 780, y, { period: 3 + (g % 20) });
    add(`compare_${g}`, "logic.compare", 1040, y, { operator: ">", value: 0 });
    link("price_1", "value", `sma_${g}`, "source");
    link(`sma_${g}`, "value", `roc_${g}`, "source");
    link(`roc_${g}`, "value", `compare_${g}`, "a");
    link(`compare_${g}`, "result", "or_1", "conditions");
  }
  add("maxPositionSize_1", "risk.maxPositionSize", 1300, 200);
  add("enterLong_1", "order.enterLong", 1560, 0);
  link("or_1", "result", "enterLong_1", "when");
  link("maxPositionSize_1", "risk", "enterLong_1", "risk");
  return {
    format: "tradegraph.graph",
    formatVersion: 1,
    name: `${nodes.length}-node strategy`,
    nodes,
    edges,
  };
}
