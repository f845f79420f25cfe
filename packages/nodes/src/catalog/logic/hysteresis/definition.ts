import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { numberParam } from "../../params.ts";

export const hysteresisNode = defineNode({
  type: "logic.hysteresis",
  version: 1,
  category: "logic",
  title: "Hysteresis threshold",
  description:
    "Turns on when the value reaches the upper level and stays on until it falls to the lower level (no flicker around one threshold). Not ready until the value first leaves the band.",
  inputs: { source: { type: "number", label: "Source", required: true } },
  outputs: { active: { type: "boolean", label: "On" } },
  params: z.object({
    upper: numberParam({ label: "Turn on at or above", optimisable: true }, 70),
    lower: numberParam({ label: "Turn off at or below", optimisable: true }, 30),
  }),
  checkWiring: (p) =>
    p.lower > p.upper ? [{ param: "lower", message: `lower (${p.lower}) is above upper (${p.upper})` }] : [],
  warmup: () => 0,
  init: () => ({ state: Number.NaN }),
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (s, io, i, _ctx, p) => {
    const x = io.in.source[i]!;
    if (x >= p.upper) s.state = 1;
    else if (x <= p.lower) s.state = 0;
    io.out.active[i] = Number.isNaN(x) ? Number.NaN : s.state;
  },
});
