import type { AnyNodeDefinition } from "../contract.ts";
import { dataNodes } from "./data/index.ts";
import { indicatorNodes } from "./indicator/index.ts";
import { logicNodes } from "./logic/index.ts";
import { mathNodes } from "./math/index.ts";
import { mlNodes } from "./ml/index.ts";
import { orderNodes } from "./order/index.ts";
import { riskNodes } from "./risk/index.ts";

/** Every node type, in palette order. Web, server and runner import this same list. */
export const catalog: readonly AnyNodeDefinition[] = [
  ...dataNodes,
  ...indicatorNodes,
  ...mathNodes,
  ...logicNodes,
  ...mlNodes,
  ...riskNodes,
  ...orderNodes,
];
