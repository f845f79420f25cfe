import { z } from "zod";
import type { ParamMeta } from "../contract.ts";

/** A percentage param shown and stored as percent (2 = 2%); nodes divide by 100 for run-time specs. */
export function percentParam(meta: Omit<ParamMeta, "unit">, defaultValue: number, min: number, max: number) {
  return z
    .number()
    .min(min)
    .max(max)
    .default(defaultValue)
    .meta({ unit: "%", min, max, step: 0.1, ...meta });
}

/** A whole number of bars. */
export function barsParam(meta: Omit<ParamMeta, "unit">, defaultValue: number, min = 1, max = 5000) {
  return z
    .number()
    .int()
    .min(min)
    .max(max)
    .default(defaultValue)
    .meta({ unit: "bars", min, max, step: 1, ...meta });
}

/** A plain finite number. */
export function numberParam(meta: ParamMeta, defaultValue: number, min = -1e12, max = 1e12) {
  return z
    .number()
    .min(min)
    .max(max)
    .default(defaultValue)
    .meta({ min, max, ...meta });
}
