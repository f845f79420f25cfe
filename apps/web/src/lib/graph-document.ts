/**
 * The strategy graph as saved, exported and executed: plain JSON, no callbacks.
 * Mirrors the graph document format of @tradegraph/nodes (docs/graph-format.md); the editor converts it
 * to React Flow nodes/edges and back in `flow-convert.ts`, so only that file knows both shapes.
 */
export interface GraphNodeDoc {
  id: string;
  type: string;
  version: number;
  params: Record<string, unknown>;
  position: { x: number; y: number };
  /** Optional name shown on the canvas instead of the node title. */
  label?: string;
}

export interface GraphEdgeDoc {
  id: string;
  from: { node: string; port: string };
  to: { node: string; port: string };
}

export interface GraphDocument {
  format: "tradegraph.graph";
  formatVersion: 1;
  name: string;
  description?: string;
  nodes: GraphNodeDoc[];
  edges: GraphEdgeDoc[];
}

export function emptyGraph(name = "Untitled strategy"): GraphDocument {
  return { format: "tradegraph.graph", formatVersion: 1, name, nodes: [], edges: [] };
}

/** Reads a graph from untrusted JSON (import, localStorage), naming the first thing that is wrong. */
export function parseGraphDocument(value: unknown): GraphDocument {
  if (typeof value !== "object" || value === null)
    throw new Error("The file is not a graph: expected a JSON object.");
  const v = value as Record<string, unknown>;
  if (v["formatVersion"] !== 1)
    throw new Error(`Unsupported graph formatVersion ${String(v["formatVersion"])}; expected 1.`);
  if (!Array.isArray(v["nodes"]) || !Array.isArray(v["edges"]))
    throw new Error("The graph needs a `nodes` list and an `edges` list.");
  const nodes = v["nodes"].map((n: unknown, i: number): GraphNodeDoc => {
    const node = n as Record<string, unknown>;
    const pos = node["position"] as Record<string, unknown> | undefined;
    if (typeof node["id"] !== "string" || typeof node["type"] !== "string")
      throw new Error(`nodes[${i}] needs a string id and type.`);
    return {
      ...(typeof node["label"] === "string" ? { label: node["label"] } : {}),
      id: node["id"],
      type: node["type"],
      version: typeof node["version"] === "number" ? node["version"] : 1,
      params: (node["params"] as Record<string, unknown> | undefined) ?? {},
      position: { x: Number(pos?.["x"] ?? 0), y: Number(pos?.["y"] ?? 0) },
    };
  });
  const edges = v["edges"].map((e: unknown, i: number): GraphEdgeDoc => {
    const edge = e as Record<string, Record<string, unknown> | string>;
    const from = edge["from"] as Record<string, unknown> | undefined;
    const to = edge["to"] as Record<string, unknown> | undefined;
    if (typeof from?.["node"] !== "string" || typeof from["port"] !== "string")
      throw new Error(`edges[${i}].from needs node and port.`);
    if (typeof to?.["node"] !== "string" || typeof to["port"] !== "string")
      throw new Error(`edges[${i}].to needs node and port.`);
    const id = typeof edge["id"] === "string" ? edge["id"] : `e${i}`;
    return {
      id,
      from: { node: from["node"], port: from["port"] },
      to: { node: to["node"], port: to["port"] },
    };
  });
  const name = typeof v["name"] === "string" ? v["name"] : "Untitled strategy";
  return { format: "tradegraph.graph", formatVersion: 1, name, nodes, edges };
}
