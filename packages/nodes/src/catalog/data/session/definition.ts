import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { inSession, sessionParams } from "../../session.ts";

export const sessionNode = defineNode({
  type: "data.session",
  version: 1,
  category: "data",
  title: "Session / day filter",
  description:
    "True on bars that open inside the chosen UTC days and hours (e.g. weekdays 13–21 h), false otherwise. An end hour earlier than the start wraps past midnight.",
  inputs: { candles: { type: "candles", label: "Candles", required: true } },
  outputs: { active: { type: "boolean", label: "In session" } },
  params: z.object(sessionParams),
  warmup: () => 0,
  init: () => null,
  // Batch loop in this module so the step inlines (see NodeDefinition.stepRange).
  stepRange(s, io, from, to, ctx, p) {
    for (let i = from; i < to; i++) this.step(s, io, i, ctx, p);
  },
  step: (_s, io, i, _ctx, p) => {
    io.out.active[i] = inSession(io.in.candles.time[i]!, p) ? 1 : 0;
  },
});
