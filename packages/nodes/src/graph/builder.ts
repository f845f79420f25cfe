import { nodeRegistry } from "../registry/default-registry.ts";
import type { NodeRegistry } from "../registry/registry.ts";
import {
  GRAPH_FORMAT,
  GRAPH_FORMAT_VERSION,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
} from "./document.ts";

/**
 * Builds graph documents in code (tests, templates, benchmarks):
 * `const close = b.add("data.price", { field: "close" }, { candles: "candles.candles" })`.
 * Inputs map an input key to `nodeId.port` (or a list for `multiple` inputs). Node versions are the
 * registry's current ones; ids are given or generated from the type.
 */
export class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];

  constructor(
    private readonly name = "Untitled strategy",
    private readonly registry: NodeRegistry = nodeRegistry,
  ) {}

  add(
    type: string,
    params: Record<string, unknown> = {},
    inputs: Record<string, string | string[]> = {},
    id?: string,
  ): string {
    const definition = this.registry.latest(type);
    if (!definition) throw new Error(`GraphBuilder: unknown node type "${type}"`);
    const nodeId = id ?? `${type.split(".").pop()}${this.nodes.length + 1}`;
    this.nodes.push({
      id: nodeId,
      type,
      version: definition.version,
      params,
      position: { x: this.nodes.length * 220, y: 0 },
    });
    for (const [port, sources] of Object.entries(inputs)) {
      for (const source of Array.isArray(sources) ? sources : [sources])
        this.connect(source, `${nodeId}.${port}`);
    }
    return nodeId;
  }

  /** `from` and `to` are `nodeId.port`. */
  connect(from: string, to: string): void {
    const [fromNode = "", fromPort = ""] = from.split(".");
    const [toNode = "", toPort = ""] = to.split(".");
    this.edges.push({
      id: `e${this.edges.length + 1}`,
      from: { node: fromNode, port: fromPort },
      to: { node: toNode, port: toPort },
    });
  }

  build(): GraphDocument {
    return {
      format: GRAPH_FORMAT,
      formatVersion: GRAPH_FORMAT_VERSION,
      name: this.name,
      nodes: structuredClone(this.nodes),
      edges: structuredClone(this.edges),
    };
  }
}
