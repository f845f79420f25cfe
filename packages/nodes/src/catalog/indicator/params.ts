import { z } from "zod";

/** A look-back length in bars, optimisable. TA-Lib's minimum for most periods is 2. */
export function periodParam(defaultValue: number, label = "Period", min = 2, max = 5000) {
  return z
    .number()
    .int()
    .min(min)
    .max(max)
    .default(defaultValue)
    .meta({ label, unit: "bars", min, max, step: 1, optimisable: true });
}

/** A positive multiplier (band width in standard deviations or ATRs, acceleration factors). */
export function multiplierParam(defaultValue: number, label: string, min: number, max: number, step: number) {
  return z
    .number()
    .min(min)
    .max(max)
    .default(defaultValue)
    .meta({ label, min, max, step, optimisable: true });
}

export const sourceInput = { source: { type: "number", label: "Source", required: true } } as const;
export const candlesInput = { candles: { type: "candles", label: "Candles", required: true } } as const;

/** Shared wording for series indicators fed by another node. */
export const NAN_NOTE =
  "Bars where the source is not ready are skipped (the indicator advances on valid values only).";
