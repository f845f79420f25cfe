import { catalog, PORT_COLORS } from "@tradegraph/nodes";
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow } from "@xyflow/react";
import { CatalogNode } from "./CatalogNode.tsx";
import { buildDemoGraph } from "./demo-graph.ts";

// Module scope: React Flow re-mounts every node when nodeTypes changes identity.
const nodeTypes = { catalog: CatalogNode };
const demo = buildDemoGraph(catalog);
// Edges take the colour of the value they carry.
const edges = demo.edges.map((edge) => {
  const source = demo.nodes.find((n) => n.id === edge.source);
  const port = source?.data.outputs.find((o) => o.key === edge.sourceHandle);
  return { ...edge, style: { stroke: port ? PORT_COLORS[port.type] : "#868e96", strokeWidth: 2 } };
});

/** Read-only canvas with a first strategy built from the real node catalogue. */
export function CatalogCanvas() {
  return (
    <ReactFlow
      data-testid="strategy-canvas"
      defaultNodes={demo.nodes}
      defaultEdges={edges}
      nodeTypes={nodeTypes}
      colorMode="dark"
      fitView
      fitViewOptions={{ padding: 0.25 }}
      proOptions={{ hideAttribution: true }}
    >
      <Background variant={BackgroundVariant.Dots} gap={18} size={1} color="#2c2e33" />
      <MiniMap pannable zoomable style={{ background: "#1a1b1e" }} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
