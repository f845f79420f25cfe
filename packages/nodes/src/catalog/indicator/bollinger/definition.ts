import { z } from "zod";
import { defineNode } from "../../../contract.ts";
import { RollingSum, standardDeviation } from "../../../lib/rolling-sum.ts";
import { multiplierParam, NAN_NOTE, periodParam, sourceInput } from "../params.ts";

export const bollingerNode = defineNode({
  type: "indicator.bollinger",
  version: 1,
  category: "indicator",
  title: "Bollinger Bands",
  description: `Middle = SMA(n); upper/lower = middle ± k × population standard deviation of the same n values (TA-Lib BBANDS with SMA; first value at bar n − 1). %B = (source − lower) / (upper − lower), 0.5 when the bands touch; width = (upper − lower) / middle. ${NAN_NOTE}`,
  inputs: sourceInput,
  outputs: {
    upper: { type: "number", label: "Upper" },
    middle: { type: "number", label: "Middle" },
    lower: { type: "number", label: "Lower" },
    percentB: { type: "number", label: "%B" },
    width: { type: "number", label: "Width" },
  },
  params: z.object({
    period: periodParam(20),
    deviations: multiplierParam(2, "Standard deviations", 0.1, 10, 0.1),
  }),
  warmup: (p) => p.period - 1,
  init: (p) => new RollingSum(p.period, true),
  step: (sums, io, i, _ctx, p) => {
    const x = io.in.source[i]!;
    const { upper, middle, lower, percentB, width } = io.out;
    if (Number.isNaN(x) || !sums.push(x)) {
      upper[i] = middle[i] = lower[i] = percentB[i] = width[i] = Number.NaN;
      return;
    }
    // TA-Lib order: mean from the SMA total, variance = E[x²] − mean².
    const mean = sums.sum / sums.period;
    const deviation = standardDeviation(sums.sumSquares / sums.period - mean * mean);
    const offset = deviation * p.deviations;
    const up = mean + offset;
    const down = mean - offset;
    upper[i] = up;
    middle[i] = mean;
    lower[i] = down;
    percentB[i] = up === down ? 0.5 : (x - down) / (up - down);
    width[i] = (up - down) / mean;
  },
});
