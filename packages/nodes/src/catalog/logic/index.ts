import type { AnyNodeDefinition } from "../../contract.ts";

export const logicNodes: AnyNodeDefinition[] = [];
