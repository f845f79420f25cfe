import { canConnect } from "@tradegraph/nodes";
import {
  Background,
  BackgroundVariant,
  type ColorMode,
  Controls,
  type Edge,
  type IsValidConnection,
  MiniMap,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import { type DragEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import "@xyflow/react/dist/style.css";
import { CATEGORY_COLORS, findNodeType, portColor } from "../../lib/catalogue.ts";
import type { FlowNode } from "../../lib/flow-convert.ts";
import { useEditorState } from "./editor-store.ts";
import { nodeTypes } from "./GraphNode.tsx";
import { NODE_DRAG_TYPE } from "./Palette.tsx";
import { type ShortcutAction, shortcutFor } from "./shortcuts.ts";
import { useEditorStore } from "./store-context.ts";

interface StrategyCanvasProps {
  colorMode: ColorMode;
  onShortcut(action: ShortcutAction): void;
  children?: ReactNode;
}

/** The React Flow canvas: typed connections, drop from palette, minimap, keyboard shortcuts. */
export function StrategyCanvas({ colorMode, onShortcut, children }: StrategyCanvasProps) {
  const store = useEditorStore();
  const nodes = useEditorState(store, (s) => s.nodes);
  const rawEdges = useEditorState(store, (s) => s.edges);
  const { screenToFlowPosition } = useReactFlow();
  // Fit an opened graph once; an empty canvas keeps a 1:1 zoom so the first dropped node is not blown up.
  const [fitOnOpen] = useState(() => store.getState().nodes.length > 0);

  // Edges take the colour of the value they carry. Keyed on the edge list only (not node positions), and
  // each styled edge is cached, so dragging a node does not rebuild or re-render every edge.
  const styled = useRef(new WeakMap<Edge, Edge>());
  const edges = useMemo(() => {
    const types = new Map(store.getState().nodes.map((n) => [n.id, n.data.type]));
    return rawEdges.map((e): Edge => {
      const cached = styled.current.get(e);
      if (cached) return cached;
      const type = types.get(e.source);
      const port = type ? findNodeType(type)?.outputs[e.sourceHandle ?? ""] : undefined;
      const edge = port ? { ...e, style: { stroke: portColor(port.type), strokeWidth: 2 } } : e;
      styled.current.set(e, edge);
      return edge;
    });
  }, [rawEdges, store]);

  const isValidConnection: IsValidConnection = useCallback(
    (c) => {
      if (c.source === c.target) return false;
      const { nodes: current } = store.getState();
      const source = current.find((n) => n.id === c.source);
      const target = current.find((n) => n.id === c.target);
      const out = source && findNodeType(source.data.type)?.outputs[c.sourceHandle ?? ""];
      const input = target && findNodeType(target.data.type)?.inputs[c.targetHandle ?? ""];
      return Boolean(out && input && canConnect(out.type, input.type));
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
      if (!type) return;
      store.addNode(type, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [store, screenToFlowPosition],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      onShortcut(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onShortcut]);

  return (
    <ReactFlow<FlowNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={store.onNodesChange}
      onEdgesChange={store.onEdgesChange}
      onConnect={store.connect}
      onNodeDragStart={store.onNodeDragStart}
      onNodeDragStop={store.onNodeDragStop}
      isValidConnection={isValidConnection}
      onDrop={onDrop}
      onDragOver={onDragOver}
      colorMode={colorMode}
      deleteKeyCode={["Delete", "Backspace"]}
      multiSelectionKeyCode={["Control", "Meta"]}
      selectionKeyCode="Shift"
      // Large graphs: only nodes in view are rendered.
      onlyRenderVisibleElements={nodes.length > 80}
      minZoom={0.1}
      maxZoom={1.5}
      defaultViewport={{ x: 0, y: 0, zoom: 1 }}
      fitView={fitOnOpen}
      fitViewOptions={{ maxZoom: 1 }}
      data-testid="canvas"
    >
      <Background variant={BackgroundVariant.Dots} gap={18} size={1} />
      <MiniMap
        pannable
        zoomable
        nodeColor={(n) => {
          const def = findNodeType((n as FlowNode).data.type);
          return def ? CATEGORY_COLORS[def.category] : "#fa5252";
        }}
        nodeStrokeWidth={2}
      />
      <Controls showInteractive={false} />
      {children}
    </ReactFlow>
  );
}
