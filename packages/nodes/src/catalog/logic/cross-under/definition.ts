import { crossNode } from "../shared/cross.ts";

export const crossUnderNode = crossNode("under");
