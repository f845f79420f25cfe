import { z } from "zod";

export const idSchema = z.string().min(1).max(64);
export const strategyNameSchema = z
  .string()
  .trim()
  .min(1, "Give the strategy a name.")
  .max(120, "A strategy name is at most 120 characters.");
export const versionMessageSchema = z
  .string()
  .trim()
  .min(1, "Describe what changed in this version.")
  .max(500, "A version message is at most 500 characters.");

/** Largest graph document accepted (serialised JSON), far above any hand-built strategy. */
export const MAX_GRAPH_BYTES = 1_000_000;

/**
 * A graph document as sent by the editor. Its structure is checked by the compiler in packages/nodes
 * (which names the node, port or parameter at fault), so the transport schema only bounds it.
 */
export const graphDocumentInput = z.unknown();

export const createStrategyInput = z.object({
  name: strategyNameSchema,
  description: z.string().max(2000).optional(),
  /** Optional first version; without it the strategy starts with no versions. */
  graph: graphDocumentInput.optional(),
  message: versionMessageSchema.optional(),
  /** Start from a template of the gallery instead of a graph. */
  templateId: idSchema.optional(),
});
export const strategyIdInput = z.object({ strategyId: idSchema });
export const renameStrategyInput = z.object({ strategyId: idSchema, name: strategyNameSchema });
export const listStrategiesInput = z
  .object({
    search: z.string().trim().max(120).optional(),
    /** List the deleted ones (the recycle bin) instead of the live ones. */
    deleted: z.boolean().default(false),
  })
  .default({ deleted: false });
export const saveVersionInput = z.object({
  strategyId: idSchema,
  graph: graphDocumentInput,
  message: versionMessageSchema,
});
export const versionRefInput = z.object({ strategyId: idSchema, number: z.number().int().min(1) });
export const diffVersionsInput = z.object({
  strategyId: idSchema,
  from: z.number().int().min(1),
  to: z.number().int().min(1),
});
/** Import takes the raw file text: parsing it is the server's job, so a broken file gets a clear error. */
export const importStrategyInput = z.object({
  json: z.string().max(2 * MAX_GRAPH_BYTES, "The file is larger than 2 MB; a strategy graph is far smaller."),
  name: strategyNameSchema.optional(),
});

export const strategySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  latestVersion: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  deletedAt: z.date().nullable(),
});
export type StrategySummary = z.infer<typeof strategySummarySchema>;

export const versionSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  message: z.string(),
  createdAt: z.date(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

/** Field-level difference between two versions of a graph. */
export interface ValueChange {
  key: string;
  before: unknown;
  after: unknown;
}
export interface NodeChange {
  nodeId: string;
  type: string;
  /** Type version changed (an upgrade). */
  versionChange?: { before: number; after: number };
  params: ValueChange[];
  moved: boolean;
}
export interface EdgeRef {
  id: string;
  from: string;
  to: string;
}
export interface GraphDiff {
  nodesAdded: { nodeId: string; type: string }[];
  nodesRemoved: { nodeId: string; type: string }[];
  nodesChanged: NodeChange[];
  edgesAdded: EdgeRef[];
  edgesRemoved: EdgeRef[];
  /** True when nothing but canvas positions differ. */
  onlyLayout: boolean;
}

export const templateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;
