import dagre from "@dagrejs/dagre";
import type { GraphDocument } from "./graph-document.ts";

export interface NodeSize {
  width: number;
  height: number;
}

/**
 * Left-to-right layered layout (data → indicators → conditions → risk → orders), the way traders read a
 * pipeline. Sizes are the measured node boxes; unmeasured nodes get a typical size.
 */
export function autoLayout(doc: GraphDocument, sizes: ReadonlyMap<string, NodeSize>): GraphDocument {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 30, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of doc.nodes) {
    const size = sizes.get(n.id) ?? { width: 220, height: 120 };
    g.setNode(n.id, { width: size.width, height: size.height });
  }
  for (const e of doc.edges) g.setEdge(e.from.node, e.to.node);
  dagre.layout(g);
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const laid = g.node(n.id) as { x: number; y: number; width: number; height: number } | undefined;
      if (!laid) return n;
      // dagre gives centres; the canvas positions nodes by their top-left corner.
      return {
        ...n,
        position: { x: Math.round(laid.x - laid.width / 2), y: Math.round(laid.y - laid.height / 2) },
      };
    }),
  };
}
