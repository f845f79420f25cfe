import type { AnyNodeDefinition } from "../../contract.ts";
import { smaNode } from "./sma/definition.ts";

export const indicatorNodes: AnyNodeDefinition[] = [smaNode];
