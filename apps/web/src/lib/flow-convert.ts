import type { Edge, Node } from "@xyflow/react";
import type { GraphDocument, GraphEdgeDoc, GraphNodeDoc } from "./graph-document.ts";

/** What a canvas node carries: exactly the saved node's fields, plain JSON (no callbacks, no computed values). */
export type GraphNodeData = {
  type: string;
  version: number;
  params: Record<string, unknown>;
  label?: string;
};

export type FlowNode = Node<GraphNodeData, "graph">;
export type FlowEdge = Edge;

export function docNodeToFlow(n: GraphNodeDoc): FlowNode {
  return {
    id: n.id,
    type: "graph",
    position: { x: n.position.x, y: n.position.y },
    data: {
      type: n.type,
      version: n.version,
      params: n.params,
      ...(n.label !== undefined ? { label: n.label } : {}),
    },
  };
}

export function docEdgeToFlow(e: GraphEdgeDoc): FlowEdge {
  return {
    id: e.id,
    source: e.from.node,
    sourceHandle: e.from.port,
    target: e.to.node,
    targetHandle: e.to.port,
  };
}

export function toFlow(doc: GraphDocument): { nodes: FlowNode[]; edges: FlowEdge[] } {
  return { nodes: doc.nodes.map(docNodeToFlow), edges: doc.edges.map(docEdgeToFlow) };
}

export function flowNodeToDoc(n: FlowNode): GraphNodeDoc {
  return {
    id: n.id,
    type: n.data.type,
    version: n.data.version,
    params: n.data.params,
    // Whole pixels keep saved files and version diffs free of sub-pixel noise from dragging.
    position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
    ...(n.data.label !== undefined ? { label: n.data.label } : {}),
  };
}

export function flowEdgeToDoc(e: FlowEdge): GraphEdgeDoc {
  return {
    id: e.id,
    from: { node: e.source, port: e.sourceHandle ?? "" },
    to: { node: e.target, port: e.targetHandle ?? "" },
  };
}

export function fromFlow(
  meta: Pick<GraphDocument, "name" | "description">,
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
): GraphDocument {
  return {
    format: "tradegraph.graph",
    formatVersion: 1,
    name: meta.name,
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    nodes: nodes.map(flowNodeToDoc),
    edges: edges.map(flowEdgeToDoc),
  };
}

/** A node id readable in error lines (`sma_2.period`): the type's last segment plus a free number. */
export function newNodeId(type: string, taken: ReadonlySet<string>): string {
  const base = (type.split(".").pop() ?? "node").replace(/[^A-Za-z0-9_-]/g, "_");
  for (let i = 1; ; i++) {
    const id = `${base}_${i}`;
    if (!taken.has(id)) return id;
  }
}

export function edgeId(e: Pick<GraphEdgeDoc, "from" | "to">): string {
  return `${e.from.node}.${e.from.port}->${e.to.node}.${e.to.port}`;
}

/**
 * Copies of `nodes` (and the edges running between them) with fresh ids, shifted by `offset`:
 * used by paste and duplicate. Edges to nodes outside the selection are dropped.
 */
export function cloneSubgraph(
  nodes: readonly GraphNodeDoc[],
  edges: readonly GraphEdgeDoc[],
  taken: ReadonlySet<string>,
  offset: { x: number; y: number },
): { nodes: GraphNodeDoc[]; edges: GraphEdgeDoc[] } {
  const used = new Set(taken);
  const renamed = new Map<string, string>();
  const newNodes = nodes.map((n) => {
    const id = newNodeId(n.type, used);
    used.add(id);
    renamed.set(n.id, id);
    return {
      ...structuredClone(n),
      id,
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    };
  });
  const newEdges: GraphEdgeDoc[] = [];
  for (const e of edges) {
    const from = renamed.get(e.from.node);
    const to = renamed.get(e.to.node);
    if (!from || !to) continue;
    const edge = { from: { node: from, port: e.from.port }, to: { node: to, port: e.to.port } };
    newEdges.push({ id: edgeId(edge), ...edge });
  }
  return { nodes: newNodes, edges: newEdges };
}
