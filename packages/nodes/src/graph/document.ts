import { z } from "zod";

/**
 * The saved form of a strategy graph: what the editor saves, the server stores, the runner executes and
 * users import/export. Plain JSON; see docs/graph-format.md.
 */
export const GRAPH_FORMAT = "tradegraph.graph" as const;
export const GRAPH_FORMAT_VERSION = 1 as const;

/** Node ids appear in error lines as `nodeId.port`, so they may not contain dots or spaces. */
export const nodeIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "use letters, digits, '_' or '-' only");

export const graphNodeSchema = z.object({
  id: nodeIdSchema,
  /** Node type id, e.g. `indicator.rsi`. */
  type: z.string().min(1),
  /** Version of the node type the params were written for; older versions are migrated on load. */
  version: z.number().int().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  /** Optional name shown on the canvas instead of the node title. */
  label: z.string().max(80).optional(),
});

export const portRefSchema = z.object({ node: nodeIdSchema, port: z.string().min(1) });

export const graphEdgeSchema = z.object({
  id: z.string().min(1),
  /** An output port of one node ... */
  from: portRefSchema,
  /** ... into an input port of another. */
  to: portRefSchema,
});

export const graphDocumentSchema = z.object({
  format: z.literal(GRAPH_FORMAT),
  formatVersion: z.literal(GRAPH_FORMAT_VERSION),
  name: z.string().max(200).default("Untitled strategy"),
  description: z.string().max(5000).optional(),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});

export type GraphNode = z.output<typeof graphNodeSchema>;
export type GraphEdge = z.output<typeof graphEdgeSchema>;
export type PortRef = z.output<typeof portRefSchema>;
export type GraphDocument = z.output<typeof graphDocumentSchema>;
/** What a caller may pass in (defaults not yet applied). */
export type GraphDocumentInput = z.input<typeof graphDocumentSchema>;

/** An empty document, the starting point of a new strategy. */
export function emptyGraph(name = "Untitled strategy"): GraphDocument {
  return { format: GRAPH_FORMAT, formatVersion: GRAPH_FORMAT_VERSION, name, nodes: [], edges: [] };
}
