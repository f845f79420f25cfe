import type { AnyNodeDefinition } from "../../contract.ts";
import { arithmeticNode } from "./arithmetic/definition.ts";
import { changeNode } from "./change/definition.ts";
import { lagNode } from "./lag/definition.ts";
import { percentChangeNode } from "./percent-change/definition.ts";

export const mathNodes: AnyNodeDefinition[] = [arithmeticNode, lagNode, changeNode, percentChangeNode];
