/** Helpers for risk-gate and order-node tests: a gate from a node definition, and a proposed order. */
import type { AnyNodeDefinition } from "../contract.ts";
import type { CandleColumns, OrderIntent, ProposedOrder, RiskGate } from "../runtime-types.ts";
import { runNode } from "./run-node.ts";

/** Initialises a gate node (stepping it over `inputs` if any) and returns its own gate (the last of its chain). */
export function gateOf(
  definition: AnyNodeDefinition,
  params: Record<string, unknown> = {},
  inputs: Record<string, unknown> = {},
  options: { timeframeMs?: number; length?: number } = {},
): RiskGate {
  // biome-ignore lint/suspicious/noExplicitAny: inputs of any gate shape
  const run = runNode(definition, params, inputs as any, {
    length: options.length ?? 0,
    timeframeMs: options.timeframeMs,
    nodeId: "gate",
  });
  const chain = (run.out as Record<string, { gates: readonly RiskGate[] }>).risk!;
  return chain.gates[chain.gates.length - 1]!;
}

/** A long market entry at bar `i` of real candles, `quantity` units, optional absolute stop/target. */
export function proposeLong(
  candles: CandleColumns,
  i: number,
  quantity: number,
  levels: { stopPrice?: number; targetPrice?: number; feeRate?: number } = {},
): ProposedOrder {
  const price = candles.close[i]!;
  const intent: OrderIntent = {
    nodeId: "long",
    action: "enterLong",
    orderType: "market",
    barIndex: i,
    time: candles.time[i]!,
    referencePrice: price,
    exits: [],
    sizing: null,
    riskGates: [],
  };
  return {
    intent,
    quantity,
    referencePrice: price,
    notional: quantity * price,
    stopPrice: levels.stopPrice,
    targetPrice: levels.targetPrice,
    feeRate: levels.feeRate ?? 0.001,
  };
}
