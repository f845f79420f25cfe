import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { useSyncExternalStore } from "react";
import { autoLayout, type NodeSize } from "../../lib/auto-layout.ts";
import { defaultParams, findNodeType } from "../../lib/catalogue.ts";
import {
  cloneSubgraph,
  docEdgeToFlow,
  docNodeToFlow,
  edgeId,
  type FlowEdge,
  type FlowNode,
  fromFlow,
  newNodeId,
  toFlow,
} from "../../lib/flow-convert.ts";
import {
  emptyGraph,
  type GraphDocument,
  type GraphEdgeDoc,
  type GraphNodeDoc,
} from "../../lib/graph-document.ts";
import { UndoHistory } from "../../lib/undo-history.ts";
import { type GraphIssue, validateGraph } from "../../lib/validate-graph.ts";

export interface EditorState {
  name: string;
  description?: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
  issues: GraphIssue[];
  /** Bumped on every change that matters for saving (not selection or measuring). */
  revision: number;
  canUndo: boolean;
  canRedo: boolean;
}

const NO_ISSUES: readonly GraphIssue[] = [];

/** Above this many nodes a full compile costs tens of ms, so it runs just after typing pauses. */
const LARGE_GRAPH_NODES = 60;
const LARGE_GRAPH_VALIDATION_DELAY_MS = 150;

/**
 * The canvas state: React Flow nodes/edges whose `data` is exactly the saved node JSON, plus undo history,
 * clipboard, live validation and the debugger's per-node values. One instance per open strategy.
 */
export class EditorStore {
  private state: EditorState;
  private readonly listeners = new Set<() => void>();
  private readonly history = new UndoHistory<GraphDocument>();
  private issuesByNode = new Map<string, GraphIssue[]>();
  private debugValues = new Map<string, Record<string, number>>();
  private clipboard: { nodes: GraphNodeDoc[]; edges: GraphEdgeDoc[] } | null = null;
  private dragStart: GraphDocument | null = null;
  private lastCoalesceKey = "";
  private lastCoalesceAt = 0;
  private validationTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(doc: GraphDocument = emptyGraph()) {
    this.state = this.stateFor(doc, 0);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): EditorState => this.state;

  document(): GraphDocument {
    const { name, description, nodes, edges } = this.state;
    return fromFlow({ name, ...(description !== undefined ? { description } : {}) }, nodes, edges);
  }

  issuesOf(nodeId: string): readonly GraphIssue[] {
    return this.issuesByNode.get(nodeId) ?? NO_ISSUES;
  }

  valuesOf(nodeId: string): Record<string, number> | undefined {
    return this.debugValues.get(nodeId);
  }

  // --- whole-document operations -------------------------------------------------------------

  /** Replace the graph (open, import, restore a version). Undoable unless `resetHistory`. */
  load(doc: GraphDocument, options: { resetHistory?: boolean } = {}): void {
    if (options.resetHistory) this.history.clear();
    else this.history.record(this.document());
    this.setDoc(doc);
  }

  rename(name: string): void {
    this.recordCoalesced("rename");
    this.set({ ...this.state, name, revision: this.state.revision + 1 });
  }

  undo(): void {
    const previous = this.history.undo(this.document());
    if (previous) this.setDoc(previous, this.selectedIds());
  }

  redo(): void {
    const next = this.history.redo(this.document());
    if (next) this.setDoc(next, this.selectedIds());
  }

  layout(sizes: ReadonlyMap<string, NodeSize>): void {
    const doc = this.document();
    this.history.record(doc);
    this.setDoc(autoLayout(doc, sizes), this.selectedIds());
  }

  // --- React Flow callbacks -------------------------------------------------------------------

  onNodesChange = (changes: NodeChange<FlowNode>[]): void => {
    const structural = changes.some((c) => c.type === "remove" || c.type === "add");
    if (structural) this.history.record(this.document());
    const nodes = applyNodeChanges(changes, this.state.nodes);
    const moved = changes.some((c) => c.type === "position" && !c.dragging);
    if (structural) {
      const ids = new Set(nodes.map((n) => n.id));
      const edges = this.state.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
      this.setStructure(nodes, edges);
    } else {
      this.set({ ...this.state, nodes, revision: this.state.revision + (moved ? 1 : 0) });
    }
  };

  onEdgesChange = (changes: EdgeChange<FlowEdge>[]): void => {
    const structural = changes.some((c) => c.type === "remove" || c.type === "add");
    if (structural) this.history.record(this.document());
    const edges = applyEdgeChanges(changes, this.state.edges);
    if (structural) this.setStructure(this.state.nodes, edges);
    else this.set({ ...this.state, edges });
  };

  onNodeDragStart = (): void => {
    this.dragStart = this.document();
  };

  onNodeDragStop = (): void => {
    if (this.dragStart) this.history.record(this.dragStart);
    this.dragStart = null;
    this.set({ ...this.state, revision: this.state.revision + 1 });
  };

  /** Adds an edge; connecting into a single input that already has one replaces the old edge. */
  connect = (connection: Connection): void => {
    const { source, target, sourceHandle, targetHandle } = connection;
    if (!sourceHandle || !targetHandle) return;
    this.history.record(this.document());
    const targetNode = this.state.nodes.find((n) => n.id === target);
    const input = targetNode && findNodeType(targetNode.data.type)?.inputs[targetHandle];
    const kept = input?.multiple
      ? this.state.edges
      : this.state.edges.filter((e) => !(e.target === target && e.targetHandle === targetHandle));
    const doc = { from: { node: source, port: sourceHandle }, to: { node: target, port: targetHandle } };
    this.setStructure(this.state.nodes, addEdge({ ...connection, id: edgeId(doc) }, kept));
  };

  // --- node operations ------------------------------------------------------------------------

  addNode(type: string, position: { x: number; y: number }): string | undefined {
    const def = findNodeType(type);
    if (!def) return undefined;
    this.history.record(this.document());
    const id = newNodeId(type, new Set(this.state.nodes.map((n) => n.id)));
    const node = docNodeToFlow({ id, type, version: def.version, params: defaultParams(def), position });
    const nodes = this.state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n));
    this.setStructure([...nodes, { ...node, selected: true }], this.state.edges);
    return id;
  }

  /** Param edits typed in quick succession on one field are one undo step. */
  setParam(nodeId: string, key: string, value: unknown): void {
    this.recordCoalesced(`${nodeId}.${key}`);
    const nodes = this.state.nodes.map((n) => {
      if (n.id !== nodeId) return n;
      const params = { ...n.data.params };
      if (value === undefined) delete params[key];
      else params[key] = value;
      return { ...n, data: { ...n.data, params } };
    });
    this.setStructure(nodes, this.state.edges);
  }

  setLabel(nodeId: string, label: string): void {
    this.recordCoalesced(`${nodeId}.label`);
    const nodes = this.state.nodes.map((n) => {
      if (n.id !== nodeId) return n;
      const { label: _old, ...rest } = n.data;
      return { ...n, data: label.trim() ? { ...rest, label } : rest };
    });
    this.setStructure(nodes, this.state.edges);
  }

  selectAll(): void {
    this.set({ ...this.state, nodes: this.state.nodes.map((n) => ({ ...n, selected: true })) });
  }

  selectOnly(nodeId: string): void {
    this.set({ ...this.state, nodes: this.state.nodes.map((n) => ({ ...n, selected: n.id === nodeId })) });
  }

  deleteSelected(): void {
    const selected = this.selectedIds();
    const edgesSelected = this.state.edges.some((e) => e.selected);
    if (selected.size === 0 && !edgesSelected) return;
    this.history.record(this.document());
    const nodes = this.state.nodes.filter((n) => !selected.has(n.id));
    const edges = this.state.edges.filter(
      (e) => !e.selected && !selected.has(e.source) && !selected.has(e.target),
    );
    this.setStructure(nodes, edges);
  }

  copySelection(): number {
    const selected = this.selectedIds();
    const doc = this.document();
    const nodes = doc.nodes.filter((n) => selected.has(n.id));
    if (nodes.length === 0) return 0;
    const edges = doc.edges.filter((e) => selected.has(e.from.node) && selected.has(e.to.node));
    this.clipboard = structuredClone({ nodes, edges });
    return nodes.length;
  }

  paste(offset = { x: 40, y: 40 }): number {
    if (!this.clipboard) return 0;
    const doc = this.document();
    this.history.record(doc);
    const copy = cloneSubgraph(
      this.clipboard.nodes,
      this.clipboard.edges,
      new Set(doc.nodes.map((n) => n.id)),
      offset,
    );
    // Shift the clipboard so pasting twice does not stack copies on top of each other.
    this.clipboard = {
      nodes: this.clipboard.nodes.map((n) => ({
        ...n,
        position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
      })),
      edges: this.clipboard.edges,
    };
    const nodes = this.state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n));
    const added = copy.nodes.map((n) => ({ ...docNodeToFlow(n), selected: true }));
    this.setStructure([...nodes, ...added], [...this.state.edges, ...copy.edges.map(docEdgeToFlow)]);
    return added.length;
  }

  duplicateSelection(): number {
    const saved = this.clipboard;
    const count = this.copySelection();
    if (count > 0) this.paste();
    this.clipboard = saved;
    return count;
  }

  // --- debugger -------------------------------------------------------------------------------

  /** Every node's output values at one bar (from the evaluator's `valuesAt`), or null to hide them. */
  setDebugValues(values: Record<string, Record<string, number>> | null): void {
    this.debugValues = new Map(Object.entries(values ?? {}));
    this.set({ ...this.state });
  }

  // --- internals ------------------------------------------------------------------------------

  private selectedIds(): Set<string> {
    return new Set(this.state.nodes.filter((n) => n.selected).map((n) => n.id));
  }

  private recordCoalesced(key: string): void {
    const now = Date.now();
    if (key !== this.lastCoalesceKey || now - this.lastCoalesceAt > 1500)
      this.history.record(this.document());
    this.lastCoalesceKey = key;
    this.lastCoalesceAt = now;
  }

  private setDoc(doc: GraphDocument, keepSelected: ReadonlySet<string> = new Set()): void {
    clearTimeout(this.validationTimer);
    const next = this.stateFor(doc, this.state.revision + 1);
    next.nodes = next.nodes.map((n) => (keepSelected.has(n.id) ? { ...n, selected: true } : n));
    this.set(next);
  }

  private stateFor(doc: GraphDocument, revision: number): EditorState {
    const { nodes, edges } = toFlow(doc);
    const issues = this.validate(doc);
    return {
      name: doc.name,
      ...(doc.description !== undefined ? { description: doc.description } : {}),
      nodes,
      edges,
      issues,
      revision,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
    };
  }

  private setStructure(nodes: FlowNode[], edges: FlowEdge[]): void {
    clearTimeout(this.validationTimer);
    if (nodes.length > LARGE_GRAPH_NODES) {
      this.set({ ...this.state, nodes, edges, revision: this.state.revision + 1 });
      this.validationTimer = setTimeout(() => {
        this.set({ ...this.state, issues: this.validate(this.document()) });
      }, LARGE_GRAPH_VALIDATION_DELAY_MS);
      return;
    }
    const { name, description } = this.state;
    const doc = fromFlow({ name, ...(description !== undefined ? { description } : {}) }, nodes, edges);
    this.set({ ...this.state, nodes, edges, issues: this.validate(doc), revision: this.state.revision + 1 });
  }

  private validate(doc: GraphDocument): GraphIssue[] {
    const issues = validateGraph(doc);
    const byNode = new Map<string, GraphIssue[]>();
    for (const issue of issues) {
      if (!issue.nodeId) continue;
      const list = byNode.get(issue.nodeId) ?? [];
      list.push(issue);
      byNode.set(issue.nodeId, list);
    }
    // Keep the previous array when a node's issues did not change, so its renderer does not redraw.
    for (const [id, list] of byNode) {
      const old = this.issuesByNode?.get(id);
      if (old && old.length === list.length && old.every((o, i) => o.message === list[i]?.message))
        byNode.set(id, old);
    }
    this.issuesByNode = byNode;
    return issues;
  }

  private set(next: EditorState): void {
    this.state = { ...next, canUndo: this.history.canUndo, canRedo: this.history.canRedo };
    for (const listener of this.listeners) listener();
  }
}

export function useEditorState<T>(store: EditorStore, select: (s: EditorState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

export function useNodeIssues(store: EditorStore, nodeId: string): readonly GraphIssue[] {
  return useSyncExternalStore(store.subscribe, () => store.issuesOf(nodeId));
}

export function useNodeValues(store: EditorStore, nodeId: string): Record<string, number> | undefined {
  return useSyncExternalStore(store.subscribe, () => store.valuesOf(nodeId));
}
