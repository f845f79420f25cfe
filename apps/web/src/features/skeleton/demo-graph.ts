import { type AnyNodeDefinition, canConnect, type NodeCategory, type PortType } from "@tradegraph/nodes";
import type { Edge, Node } from "@xyflow/react";

/** Plain JSON shown by a catalogue node: no functions in React Flow data. */
export interface CatalogNodeData extends Record<string, unknown> {
  type: string;
  title: string;
  category: NodeCategory;
  inputs: { key: string; label: string; type: PortType }[];
  outputs: { key: string; label: string; type: PortType }[];
}

export type CatalogFlowNode = Node<CatalogNodeData, "catalog">;

// A classic first strategy, in data-flow order; types missing from the catalogue are left out.
const preferredChain = [
  "data.candles",
  "data.price",
  "indicator.sma",
  "indicator.ema",
  "logic.crossover",
  "logic.compare",
  "risk.maxDrawdown",
  "order.enterLong",
];

// Which earlier nodes feed each node, in input order (an EMA/SMA cross gated by a drawdown limit).
const wiring: Record<string, string[]> = {
  "data.price": ["data.candles"],
  "indicator.sma": ["data.price", "data.candles"],
  "indicator.ema": ["data.price", "data.candles"],
  "logic.crossover": ["indicator.ema", "indicator.sma"],
  "logic.compare": ["indicator.ema", "indicator.sma"],
  "order.enterLong": ["logic.crossover", "logic.compare", "risk.maxDrawdown"],
};

function toData(def: AnyNodeDefinition): CatalogNodeData {
  const ports = (record: AnyNodeDefinition["inputs"]) =>
    Object.entries(record).map(([key, spec]) => ({ key, label: spec.label, type: spec.type }));
  return {
    type: def.type,
    title: def.title,
    category: def.category,
    inputs: ports(def.inputs),
    outputs: ports(def.outputs),
  };
}

/**
 * Builds a small graph from real catalogue definitions: each input is wired to the most recent
 * earlier node with a compatible output (the same `canConnect` the compiler uses).
 */
export function buildDemoGraph(catalog: readonly AnyNodeDefinition[]): {
  nodes: CatalogFlowNode[];
  edges: Edge[];
} {
  const byType = new Map(catalog.map((d) => [d.type, d]));
  const chosen = preferredChain.flatMap((type) => {
    const def = byType.get(type);
    return def ? [def] : [];
  });
  if (chosen.length === 0 && catalog[0]) chosen.push(catalog[0]);
  const datas = chosen.map(toData);
  const edges: Edge[] = [];
  const depth: number[] = [];
  datas.forEach((target, t) => {
    depth[t] = 0;
    const usedSources = new Set<number>();
    const preferred = (wiring[target.type] ?? [])
      .map((type) => datas.findIndex((d) => d.type === type))
      .filter((i) => i >= 0 && i < t);
    // Preferred sources first, then any earlier node, most recent first.
    const candidates = [...preferred, ...Array.from({ length: t }, (_, i) => t - 1 - i)];
    for (const input of target.inputs) {
      for (const s of candidates) {
        if (usedSources.has(s)) continue;
        const output = datas[s]?.outputs.find((o) => canConnect(o.type, input.type));
        if (!output) continue;
        usedSources.add(s);
        depth[t] = Math.max(depth[t] ?? 0, (depth[s] ?? 0) + 1);
        edges.push({
          id: `${s}.${output.key}->${t}.${input.key}`,
          source: `n${s}`,
          sourceHandle: output.key,
          target: `n${t}`,
          targetHandle: input.key,
        });
        break;
      }
    }
  });
  const rowInColumn = new Map<number, number>();
  const nodes = datas.map((data, i): CatalogFlowNode => {
    const column = depth[i] ?? 0;
    const row = rowInColumn.get(column) ?? 0;
    rowInColumn.set(column, row + 1);
    return { id: `n${i}`, type: "catalog", position: { x: column * 250, y: row * 150 }, data };
  });
  return { nodes, edges };
}
