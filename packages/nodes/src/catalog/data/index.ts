import type { AnyNodeDefinition } from "../../contract.ts";
import { candlesNode } from "./candles/definition.ts";

export const dataNodes: AnyNodeDefinition[] = [candlesNode];
