import type { AnyNodeDefinition } from "../../contract.ts";
import { andNode } from "./and/definition.ts";
import { barsSinceNode } from "./bars-since/definition.ts";
import { compareNode } from "./compare/definition.ts";
import { crossOverNode } from "./cross-over/definition.ts";
import { crossUnderNode } from "./cross-under/definition.ts";
import { fallingNode } from "./falling/definition.ts";
import { hysteresisNode } from "./hysteresis/definition.ts";
import { notNode } from "./not/definition.ts";
import { orNode } from "./or/definition.ts";
import { risingNode } from "./rising/definition.ts";

export const logicNodes: AnyNodeDefinition[] = [
  compareNode,
  crossOverNode,
  crossUnderNode,
  andNode,
  orNode,
  notNode,
  risingNode,
  fallingNode,
  barsSinceNode,
  hysteresisNode,
];
