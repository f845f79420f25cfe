// The stop, target and trailing state of an open position live only in the engine's slot; they are saved
// with the Position row so a restarted runner protects the position it restores exactly as before.
import { type PositionExitLevels, positionExitLevelsSchema } from "@tradegraph/contracts";
import type { TradingSession } from "@tradegraph/engine";

type SymbolSlot = TradingSession["slots"][number];

const orNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
const orNaN = (value: number | null): number => value ?? Number.NaN;

/** The slot's protective levels, or null when it holds no position. */
export function exitLevelsOf(slot: SymbolSlot): PositionExitLevels | null {
  if (slot.quantity === 0) return null;
  return {
    stopLoss: orNull(slot.stopLoss),
    takeProfit: orNull(slot.takeProfit),
    trailingStop: orNull(slot.trailingStop),
    breakEvenStop: orNull(slot.breakEvenStop),
    trailPercent: orNull(slot.trailPercent),
    trailDistance: orNull(slot.trailDistance),
    bestPrice: orNull(slot.bestPrice),
    breakEvenTrigger: orNull(slot.breakEvenTrigger),
    breakEvenOffset: orNull(slot.breakEvenOffset),
    initialRisk: orNull(slot.initialRisk),
    maxBars: slot.maxBars,
    barsHeld: slot.barsHeld,
    entryNodeId: slot.entryNodeId,
  };
}

/**
 * Reads stored levels (a `Position.exitLevels` value); null when there are none. A malformed value is an
 * error, not "no stop": a position must not silently lose its protection.
 */
export function parseExitLevels(stored: unknown): PositionExitLevels | null {
  if (stored === null || stored === undefined) return null;
  const parsed = positionExitLevelsSchema.safeParse(stored);
  if (!parsed.success) throw new Error(`Stored exit levels are malformed: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Puts stored levels back on a slot whose position was just re-opened in the ledger. The trailing rule's
 * source (a live node output) cannot be stored: the trail keeps its last percent/distance.
 */
export function applyExitLevels(slot: SymbolSlot, levels: PositionExitLevels): void {
  slot.stopLoss = orNaN(levels.stopLoss);
  slot.takeProfit = orNaN(levels.takeProfit);
  slot.trailingStop = orNaN(levels.trailingStop);
  slot.breakEvenStop = orNaN(levels.breakEvenStop);
  slot.trailSource = null;
  slot.trailPercent = orNaN(levels.trailPercent);
  slot.trailDistance = orNaN(levels.trailDistance);
  if (levels.bestPrice !== null) slot.bestPrice = levels.bestPrice;
  slot.breakEvenTrigger = orNaN(levels.breakEvenTrigger);
  slot.breakEvenOffset = orNaN(levels.breakEvenOffset);
  slot.initialRisk = orNaN(levels.initialRisk);
  slot.maxBars = levels.maxBars;
  slot.barsHeld = levels.barsHeld;
  slot.entryNodeId = levels.entryNodeId;
}
