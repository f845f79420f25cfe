import type { AnyNodeDefinition } from "../../contract.ts";
import { breakEvenNode } from "./break-even/definition.ts";
import { enterLongNode } from "./enter-long/definition.ts";
import { enterShortNode } from "./enter-short/definition.ts";
import { exitNode } from "./exit/definition.ts";
import { allInSizeNode } from "./size-all-in/definition.ts";
import { fixedQuantitySizeNode } from "./size-fixed-quantity/definition.ts";
import { kellySizeNode } from "./size-kelly/definition.ts";
import { percentEquitySizeNode } from "./size-percent-equity/definition.ts";
import { riskPerTradeSizeNode } from "./size-risk-per-trade/definition.ts";
import { stopLossNode } from "./stop-loss/definition.ts";
import { takeProfitNode } from "./take-profit/definition.ts";
import { timeStopNode } from "./time-stop/definition.ts";
import { trailingStopNode } from "./trailing-stop/definition.ts";

export const orderNodes: AnyNodeDefinition[] = [
  enterLongNode,
  enterShortNode,
  exitNode,
  stopLossNode,
  takeProfitNode,
  trailingStopNode,
  breakEvenNode,
  timeStopNode,
  fixedQuantitySizeNode,
  percentEquitySizeNode,
  riskPerTradeSizeNode,
  kellySizeNode,
  allInSizeNode,
];
