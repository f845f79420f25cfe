import type { PlannedSource } from "./plan.ts";

type Wiring = ReadonlyMap<string, Record<string, PlannedSource[]>>;

function upstreamOf(inputs: Record<string, PlannedSource[]> | undefined): string[] {
  const ids: string[] = [];
  for (const sources of Object.values(inputs ?? {})) for (const s of sources) ids.push(s.node);
  return ids;
}

/**
 * Kahn's algorithm with document order as the tie-break, so the same graph always gets the same order.
 * Returns the order and the nodes left over (those on or behind a cycle).
 */
export function topologicalOrder(
  ids: readonly string[],
  wiring: Wiring,
): { order: string[]; blocked: string[] } {
  const pending = new Map<string, number>();
  const downstream = new Map<string, string[]>();
  for (const id of ids) downstream.set(id, []);
  for (const id of ids) {
    const up = upstreamOf(wiring.get(id));
    pending.set(id, up.length);
    for (const u of up) downstream.get(u)?.push(id);
  }
  const position = new Map(ids.map((id, index) => [id, index]));
  const ready = ids.filter((id) => pending.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const d of downstream.get(id)!) {
      const left = pending.get(d)! - 1;
      pending.set(d, left);
      if (left === 0) ready.push(d);
    }
  }
  const placed = new Set(order);
  return { order, blocked: ids.filter((id) => !placed.has(id)) };
}

/** Finds one cycle through the blocked nodes, as a list of ids (first repeated at the end). */
export function findCycle(blocked: readonly string[], wiring: Wiring): string[] {
  const inBlocked = new Set(blocked);
  const start = blocked[0];
  if (start === undefined) return [];
  // Walk upstream inside the blocked set until a node repeats: every blocked node has a blocked input.
  const path: string[] = [];
  const seenAt = new Map<string, number>();
  let current: string | undefined = start;
  while (current !== undefined && !seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    current = upstreamOf(wiring.get(current)).find((u) => inBlocked.has(u));
  }
  if (current === undefined) return [];
  const cycle = path.slice(seenAt.get(current)!).reverse();
  return [...cycle, cycle[0]!];
}

/** Every node with a path to one of `targets` (the targets included). */
export function nodesLeadingTo(targets: readonly string[], wiring: Wiring): Set<string> {
  const seen = new Set<string>(targets);
  const stack = [...targets];
  while (stack.length > 0) {
    for (const u of upstreamOf(wiring.get(stack.pop()!))) {
      if (!seen.has(u)) {
        seen.add(u);
        stack.push(u);
      }
    }
  }
  return seen;
}
