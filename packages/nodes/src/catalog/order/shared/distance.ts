import { z } from "zod";
import type { WiringProblem } from "../../../contract.ts";
import type { Distance } from "../../../runtime-types.ts";
import { numberParam, percentParam } from "../../params.ts";

/** Params of a price distance: a percent of the entry price, or a multiple of ATR at the signal bar. */
export function distanceParams(defaultPercent: number, defaultAtrMultiple: number) {
  return {
    mode: z.enum(["percent", "atr"]).default("percent").meta({
      label: "Distance as",
      description: "Percent of the entry price, or a multiple of the connected ATR.",
    }),
    percent: percentParam({ label: "Distance", optimisable: true }, defaultPercent, 0.01, 90),
    atrMultiple: numberParam(
      { label: "ATR multiple", step: 0.1, optimisable: true },
      defaultAtrMultiple,
      0.1,
      50,
    ),
  };
}

export interface DistanceParams {
  mode: "percent" | "atr";
  percent: number;
  atrMultiple: number;
}

/** An ATR distance needs the ATR input; a percent one ignores it. */
export function checkDistanceWiring(params: DistanceParams, connected: ReadonlySet<string>): WiringProblem[] {
  if (params.mode === "atr" && !connected.has("atr")) {
    return [
      {
        port: "atr",
        message: "distance is an ATR multiple: connect an ATR (or any volatility in price units) here",
      },
    ];
  }
  return [];
}

/** The distance at bar i, or null while the ATR is not ready. */
export function distanceAt(
  params: DistanceParams,
  atr: Float64Array | undefined,
  i: number,
): Distance | null {
  if (params.mode === "percent") return { percent: params.percent / 100 };
  const value = atr?.[i];
  if (value === undefined || !(value > 0)) return null;
  return { distance: params.atrMultiple * value };
}
