import type { AnyNodeDefinition } from "../contract.ts";
import type { CompileError } from "./errors.ts";
import { BASE_CLOCK, type PlannedSource } from "./plan.ts";

export interface NodeClock {
  clock: string;
  outputClock: string;
  clockNeutral: boolean;
}

/**
 * Gives every node a clock, in topological order. A node whose inputs all come from one
 * higher-timeframe clock runs on that clock (so EMA of 4h closes is a real 4h EMA); mixed inputs run on
 * the base clock; nodes without inputs (constants, input-free gates) are neutral and fit any clock.
 */
export function assignClocks(
  order: readonly string[],
  definitions: ReadonlyMap<string, AnyNodeDefinition>,
  wiring: ReadonlyMap<string, Record<string, PlannedSource[]>>,
  errors: CompileError[],
): Map<string, NodeClock> {
  const clocks = new Map<string, NodeClock>();
  for (const id of order) {
    const definition = definitions.get(id)!;
    const inputClocks = new Set<string>();
    let hasInputs = false;
    for (const sources of Object.values(wiring.get(id) ?? {})) {
      for (const source of sources) {
        hasInputs = true;
        const upstream = clocks.get(source.node)!;
        if (!upstream.clockNeutral) inputClocks.add(upstream.outputClock);
      }
    }
    const neutral = !hasInputs && !definition.source && !definition.definesClock;
    const clock = inputClocks.size === 1 ? [...inputClocks][0]! : BASE_CLOCK;
    if (definition.definesClock) {
      // Aggregating candles that are themselves on a higher timeframe is not supported: chain from the run's candles.
      if (clock !== BASE_CLOCK) {
        errors.push({
          nodeId: id,
          code: "clockMismatch",
          message: `a higher-timeframe view must read the run's candles, not the output of "${clock}"`,
        });
      }
      clocks.set(id, { clock: BASE_CLOCK, outputClock: id, clockNeutral: false });
    } else {
      clocks.set(id, { clock, outputClock: clock, clockNeutral: neutral });
    }
  }
  return clocks;
}
