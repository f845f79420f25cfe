import type { AnyNodeDefinition } from "../../contract.ts";

export const riskNodes: AnyNodeDefinition[] = [];
