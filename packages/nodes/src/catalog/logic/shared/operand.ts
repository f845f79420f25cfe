import { z } from "zod";

/** Inputs A and B where B may be left unconnected to compare with a fixed level. */
export const abInputs = {
  a: { type: "number", label: "A", required: true },
  b: { type: "number", label: "B", description: "Leave unconnected to use the fixed level." },
} as const;

export const levelParam = z
  .number()
  .min(-1e15)
  .max(1e15)
  .default(0)
  .meta({ label: "B level (when not connected)", optimisable: true });

/** 1 / 0, or NaN (not ready) when either side is NaN. */
export function bool(value: boolean, a: number, b: number): number {
  return Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : value ? 1 : 0;
}
