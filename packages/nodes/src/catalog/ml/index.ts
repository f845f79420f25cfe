import type { AnyNodeDefinition } from "../../contract.ts";

export const mlNodes: AnyNodeDefinition[] = [];
