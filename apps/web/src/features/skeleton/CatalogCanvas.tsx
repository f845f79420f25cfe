import { catalog } from "@tradegraph/nodes";
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow } from "@xyflow/react";
import { CatalogNode } from "./CatalogNode.tsx";
import { buildDemoGraph } from "./demo-graph.ts";

// Module scope: React Flow re-mounts every node when nodeTypes changes identity.
const nodeTypes = { catalog: CatalogNode };
const demo = buildDemoGraph(catalog);

/** Read-only canvas with a first strategy built from the real node catalogue. */
export function CatalogCanvas() {
  return (
    <ReactFlow
      data-testid="strategy-canvas"
      defaultNodes={demo.nodes}
      defaultEdges={demo.edges.map((e) => ({ ...e, animated: true }))}
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
