import { combineNode } from "../shared/combine.ts";

export const andNode = combineNode("and");
