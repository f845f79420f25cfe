import { catalog } from "../catalog/index.ts";
import type { AnyNodeDefinition } from "../contract.ts";
import { createRegistry, type NodeRegistry } from "./registry.ts";

/** The registry of every node type in the catalogue; web, server and runner use this one. */
export const nodeRegistry: NodeRegistry = createRegistry(catalog);

export function getNodeDefinition(type: string, version: number): AnyNodeDefinition | undefined {
  return nodeRegistry.get(type, version);
}

export function listNodeDefinitions(): readonly AnyNodeDefinition[] {
  return nodeRegistry.list();
}
