import { crossNode } from "../shared/cross.ts";

export const crossOverNode = crossNode("over");
