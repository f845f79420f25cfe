import { entryNode } from "../shared/entry.ts";

export const enterShortNode = entryNode("enterShort");
