import { entryNode } from "../shared/entry.ts";

export const enterLongNode = entryNode("enterLong");
