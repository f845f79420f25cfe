import { BASE_CLOCK, type CompiledPlan } from "./plan.ts";

/**
 * Base bars needed before every node of the plan has valid outputs: each node adds its own warm-up
 * (converted from its clock to base bars) to the longest warm-up among its inputs. A higher-timeframe
 * view adds up to two of its buckets (the partial first bucket is skipped, then one full bucket).
 */
export function warmupBars(plan: CompiledPlan, baseTimeframeMs: number): number {
  const needed = new Map<string, number>();
  let total = 0;
  for (const node of plan.nodes) {
    let upstream = 0;
    for (const sources of Object.values(node.inputs)) {
      for (const source of sources) upstream = Math.max(upstream, needed.get(source.node) ?? 0);
    }
    const periodMs =
      node.clock === BASE_CLOCK ? baseTimeframeMs : (plan.clocks[node.clock]?.periodMs ?? baseTimeframeMs);
    const barsPerTick = Math.max(1, Math.ceil(periodMs / baseTimeframeMs));
    let own = node.warmup * barsPerTick;
    const ownClock = plan.clocks[node.id];
    if (ownClock) own += 2 * Math.max(1, Math.ceil(ownClock.periodMs / baseTimeframeMs));
    const value = upstream + own;
    needed.set(node.id, value);
    total = Math.max(total, value);
  }
  return total;
}
