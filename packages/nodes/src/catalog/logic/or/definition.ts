import { combineNode } from "../shared/combine.ts";

export const orNode = combineNode("or");
