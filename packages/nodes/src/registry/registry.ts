import type { AnyNodeDefinition } from "../contract.ts";

/** Lookup of node types by id. One definition per type: the current version (older ones migrate). */
export interface NodeRegistry {
  /** The definition of `type` at exactly `version`, or undefined. */
  get(type: string, version: number): AnyNodeDefinition | undefined;
  /** The current definition of `type`, whatever the version. */
  latest(type: string): AnyNodeDefinition | undefined;
  list(): readonly AnyNodeDefinition[];
}

export function createRegistry(definitions: readonly AnyNodeDefinition[]): NodeRegistry {
  const byType = new Map<string, AnyNodeDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new Error(`Node type "${definition.type}" is registered twice`);
    byType.set(definition.type, definition);
  }
  return {
    get: (type, version) => {
      const definition = byType.get(type);
      return definition && definition.version === version ? definition : undefined;
    },
    latest: (type) => byType.get(type),
    list: () => definitions,
  };
}
