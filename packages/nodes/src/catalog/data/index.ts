import type { AnyNodeDefinition } from "../../contract.ts";
import { candlesNode } from "./candles/definition.ts";
import { constantNode } from "./constant/definition.ts";
import { higherTimeframeNode } from "./higher-timeframe/definition.ts";
import { pairRankNode } from "./pair-rank/definition.ts";
import { priceNode } from "./price/definition.ts";
import { sessionNode } from "./session/definition.ts";

export const dataNodes: AnyNodeDefinition[] = [
  candlesNode,
  higherTimeframeNode,
  priceNode,
  constantNode,
  sessionNode,
  pairRankNode,
];
