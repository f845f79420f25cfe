import type { NodeMigration } from "../contract.ts";
import type { NodeRegistry } from "../registry/registry.ts";
import type { GraphDocument, GraphEdge, GraphNode } from "./document.ts";

/** One node moved from an old version of its type to the current one. */
export interface NodeUpgrade {
  nodeId: string;
  type: string;
  fromVersion: number;
  toVersion: number;
}

export interface MigrationProblem {
  nodeId: string;
  code: "unknownType" | "unknownVersion" | "migrationFailed";
  message: string;
}

export interface MigrationResult {
  document: GraphDocument;
  upgrades: NodeUpgrade[];
  problems: MigrationProblem[];
}

/**
 * Upgrades every node written for an older version of its type, one version at a time, through the
 * type's tested migrations. Pure: returns a new document and the list of upgrades (never silent).
 * Nodes of unknown types or versions are left as they are and reported.
 */
export function migrateDocument(document: GraphDocument, registry: NodeRegistry): MigrationResult {
  const upgrades: NodeUpgrade[] = [];
  const problems: MigrationProblem[] = [];
  const inputRenames = new Map<string, Record<string, string>>();
  const outputRenames = new Map<string, Record<string, string>>();

  const nodes = document.nodes.map((node): GraphNode => {
    const definition = registry.latest(node.type);
    if (!definition) {
      problems.push({ nodeId: node.id, code: "unknownType", message: `unknown node type "${node.type}"` });
      return node;
    }
    if (node.version === definition.version) return node;
    if (node.version > definition.version) {
      problems.push({
        nodeId: node.id,
        code: "unknownVersion",
        message: `${node.type} version ${node.version} is newer than this app knows (latest is ${definition.version})`,
      });
      return node;
    }
    let params: Record<string, unknown> = structuredClone(node.params);
    const renamedIn: Record<string, string> = {};
    const renamedOut: Record<string, string> = {};
    for (let version = node.version; version < definition.version; version++) {
      const step = definition.migrations?.[version];
      if (!step) {
        problems.push({
          nodeId: node.id,
          code: "unknownVersion",
          message: `${node.type} version ${node.version} cannot be upgraded: no migration from version ${version}`,
        });
        return node;
      }
      const migration: NodeMigration = typeof step === "function" ? { params: step } : step;
      try {
        if (migration.params) params = migration.params(params);
      } catch (error) {
        problems.push({
          nodeId: node.id,
          code: "migrationFailed",
          message: `upgrading ${node.type} from version ${version}: ${(error as Error).message}`,
        });
        return node;
      }
      composeRenames(renamedIn, migration.renamedInputs);
      composeRenames(renamedOut, migration.renamedOutputs);
    }
    inputRenames.set(node.id, renamedIn);
    outputRenames.set(node.id, renamedOut);
    upgrades.push({
      nodeId: node.id,
      type: node.type,
      fromVersion: node.version,
      toVersion: definition.version,
    });
    return { ...node, version: definition.version, params };
  });

  const edges = document.edges.map(
    (edge): GraphEdge => ({
      ...edge,
      from: {
        node: edge.from.node,
        port: outputRenames.get(edge.from.node)?.[edge.from.port] ?? edge.from.port,
      },
      to: { node: edge.to.node, port: inputRenames.get(edge.to.node)?.[edge.to.port] ?? edge.to.port },
    }),
  );
  return { document: { ...document, nodes, edges }, upgrades, problems };
}

/** Accumulates renames across several versions: a → b then b → c gives a → c. */
function composeRenames(into: Record<string, string>, next: Record<string, string> | undefined): void {
  if (!next) return;
  const earlierTargets = new Set(Object.values(into));
  for (const [original, current] of Object.entries(into)) {
    const renamed = next[current];
    if (renamed !== undefined) into[original] = renamed;
  }
  for (const [from, to] of Object.entries(next)) {
    if (!earlierTargets.has(from) && !(from in into)) into[from] = to;
  }
}
