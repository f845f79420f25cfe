import type { AnyNodeDefinition } from "../../contract.ts";

export const mathNodes: AnyNodeDefinition[] = [];
