import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import type { RiskGate } from "../../../runtime-types.ts";
import { numberParam } from "../../params.ts";
import { deny, extendChain } from "../shared/gate.ts";

export const volatilityBandGate = defineNode({
  type: "risk.volatilityBand",
  title: "Volatility band filter",
  version: 1,
  category: "risk",
  description:
    "Allows entries only while a volatility measure (e.g. ATR as % of price) is inside [min, max]. The value is read at each closed bar and the gate judges orders with the latest one; not ready means refused.",
  inputs: {
    volatility: { type: "number", label: "Volatility", required: true },
    risk: { type: "risk", label: "After gates", description: "Optional: gates checked before this one." },
  },
  outputs: { risk: { type: "risk", label: "Risk" } },
  params: z.object({
    min: numberParam({ label: "Min", optimisable: true }, 0.5, 0),
    max: numberParam({ label: "Max", optimisable: true }, 5, 0),
  }),
  checkWiring: (p) =>
    p.min > p.max ? [{ param: "min", message: `min (${p.min}) is above max (${p.max})` }] : [],
  warmup: () => 0,
  init: (p, io, info) => {
    const memory = { value: Number.NaN, barIndex: -1 };
    const gate: RiskGate = {
      nodeId: info.nodeId,
      title: "Volatility band filter",
      check: () => {
        const v = memory.value;
        if (Number.isNaN(v)) return deny("volatility is not ready yet");
        if (v < p.min) return deny(`volatility ${v.toPrecision(4)} is below ${p.min}`);
        if (v > p.max) return deny(`volatility ${v.toPrecision(4)} is above ${p.max}`);
        return { allowed: true };
      },
    };
    io.out.risk = extendChain(io.in.risk, gate);
    return memory;
  },
  step: (memory, io, i) => {
    memory.value = io.in.volatility[i]!;
    memory.barIndex = i;
  },
});
