import type { AnyNodeDefinition } from "../../contract.ts";

export const orderNodes: AnyNodeDefinition[] = [];
