import type { z } from "zod";
import { defineNode, type NodeInstanceInfo } from "../../../contract.ts";
import type { AccountView, ProposedOrder, RiskChain, RiskGate, RiskVerdict } from "../../../runtime-types.ts";

export type GateCheck = (order: ProposedOrder, account: AccountView, barIndex: number) => RiskVerdict;

/** The chain a gate outputs: the upstream gates, then itself. Frozen: downstream nodes only read it. */
export function extendChain(upstream: RiskChain | undefined, gate: RiskGate): RiskChain {
  return Object.freeze({ gates: Object.freeze([...(upstream?.gates ?? []), Object.freeze(gate)]) });
}

export function deny(reason: string): RiskVerdict {
  return { allowed: false, reason };
}

/** Formats a fraction as a percent for verdict reasons. */
export function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

/**
 * A risk gate that needs only its params and the account (no per-bar inputs): an optional upstream
 * `risk` input and a `risk` output carrying the chain with this gate appended.
 */
export function accountGateNode<P extends z.ZodObject>(spec: {
  type: string;
  title: string;
  description: string;
  params: P;
  createCheck(params: z.output<P>, info: NodeInstanceInfo): GateCheck;
}) {
  return defineNode({
    type: spec.type,
    version: 1,
    category: "risk",
    title: spec.title,
    description: spec.description,
    inputs: {
      risk: { type: "risk", label: "After gates", description: "Optional: gates checked before this one." },
    },
    outputs: { risk: { type: "risk", label: "Risk" } },
    params: spec.params,
    warmup: () => 0,
    init: (p, io, info) => {
      const gate: RiskGate = { nodeId: info.nodeId, title: spec.title, check: spec.createCheck(p, info) };
      io.out.risk = extendChain(io.in.risk, gate);
      return null;
    },
    step: () => {},
  });
}
