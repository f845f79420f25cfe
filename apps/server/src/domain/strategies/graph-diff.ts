import type { EdgeRef, GraphDiff, NodeChange, ValueChange } from "@tradegraph/contracts";
import type { GraphDocument } from "@tradegraph/nodes";

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

function edgeRef(edge: GraphDocument["edges"][number]): EdgeRef {
  return { id: edge.id, from: `${edge.from.node}.${edge.from.port}`, to: `${edge.to.node}.${edge.to.port}` };
}

/** Nodes, edges and params added, removed or changed from `before` to `after`. Edges match by endpoints. */
export function diffGraphs(before: GraphDocument, after: GraphDocument): GraphDiff {
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const diff: GraphDiff = {
    nodesAdded: [],
    nodesRemoved: [],
    nodesChanged: [],
    edgesAdded: [],
    edgesRemoved: [],
    onlyLayout: true,
  };
  for (const [id, node] of newNodes) {
    const old = oldNodes.get(id);
    if (!old) {
      diff.nodesAdded.push({ nodeId: id, type: node.type });
      continue;
    }
    // A node whose type changed under the same id is a removal plus an addition for a trader.
    if (old.type !== node.type) {
      diff.nodesRemoved.push({ nodeId: id, type: old.type });
      diff.nodesAdded.push({ nodeId: id, type: node.type });
      continue;
    }
    const params: ValueChange[] = [];
    for (const key of new Set([...Object.keys(old.params), ...Object.keys(node.params)])) {
      if (stableJson(old.params[key]) !== stableJson(node.params[key])) {
        params.push({ key, before: old.params[key], after: node.params[key] });
      }
    }
    const moved = old.position.x !== node.position.x || old.position.y !== node.position.y;
    if (params.length > 0 || moved || old.version !== node.version) {
      const change: NodeChange = { nodeId: id, type: node.type, params, moved };
      if (old.version !== node.version) change.versionChange = { before: old.version, after: node.version };
      diff.nodesChanged.push(change);
    }
  }
  for (const [id, node] of oldNodes)
    if (!newNodes.has(id)) diff.nodesRemoved.push({ nodeId: id, type: node.type });

  const key = (e: EdgeRef) => `${e.from}->${e.to}`;
  const oldEdges = new Map(before.edges.map(edgeRef).map((e) => [key(e), e]));
  const newEdges = new Map(after.edges.map(edgeRef).map((e) => [key(e), e]));
  for (const [k, e] of newEdges) if (!oldEdges.has(k)) diff.edgesAdded.push(e);
  for (const [k, e] of oldEdges) if (!newEdges.has(k)) diff.edgesRemoved.push(e);

  diff.onlyLayout =
    diff.nodesAdded.length === 0 &&
    diff.nodesRemoved.length === 0 &&
    diff.edgesAdded.length === 0 &&
    diff.edgesRemoved.length === 0 &&
    diff.nodesChanged.every((c) => c.params.length === 0 && c.versionChange === undefined);
  return diff;
}
