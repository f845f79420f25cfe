// ML predictor state across runner restarts: after each closed candle every predictor node's snapshot (its
// history, trained model and training windows) is saved to PostgreSQL; on (re)start it is put back into the
// fresh strategy before the warm-up, so the node continues with the model it had instead of retraining from
// nothing on partial data. Warm-up candles the snapshot already covers replay the stored predictions.
// The saved snapshot is trimmed to what the node can still need (its training window, label horizon and the
// predictions the warm-up replays), so the per-candle save stays the same size however long it runs.
import { gunzipSync, gzipSync } from "node:zlib";
import type { PrismaClient } from "@tradegraph/db";
import {
  type PlanEvaluator,
  type PredictorSnapshot,
  predictorNodeIds,
  predictorStateOf,
  restorePredictorInto,
  serializePredictor,
  warmupBars,
} from "@tradegraph/nodes";
import type { DeploymentLoop } from "./deployment-loop.ts";
import { warmUpLength } from "./warm-up.ts";

interface PredictorSlot {
  symbol: string;
  nodeId: string;
  evaluator: PlanEvaluator;
}

export interface RestoredPredictor {
  symbol: string;
  nodeId: string;
  /** Open time of the last candle the restored model had seen. */
  lastCandleAt: number;
  trainedWindows: number;
}

/** Every predictor node of every symbol's plan evaluator (none for strategies without one). */
function predictorSlots(loop: DeploymentLoop): PredictorSlot[] {
  const slots: PredictorSlot[] = [];
  loop.options.symbols.forEach((symbol, s) => {
    const strategy = loop.session.strategyAt(s) as Partial<PlanEvaluator>;
    if (!strategy.plan || !strategy.nodeState || !strategy.replaceNodeState) return;
    for (const nodeId of predictorNodeIds(strategy.plan))
      slots.push({ symbol, nodeId, evaluator: strategy as PlanEvaluator });
  });
  return slots;
}

/** Saves each predictor's snapshot (one row per node and symbol, replaced each time). Returns bytes written. */
export async function savePredictorState(
  prisma: PrismaClient,
  deploymentId: string,
  loop: DeploymentLoop,
): Promise<number> {
  const slots = predictorSlots(loop);
  if (slots.length === 0) return 0;
  let written = 0;
  const writes = slots.flatMap(({ symbol, nodeId, evaluator }) => {
    const state = predictorStateOf(evaluator, nodeId);
    if (state.time.length === 0) return [];
    // A restart re-feeds this many candles (warm-up); the node must still hold its predictions for them.
    const keepPredictions = warmUpLength(warmupBars(evaluator.plan, loop.options.timeframeMs));
    const trimmed = serializePredictor(state, { keepPredictions });
    const snapshot = Buffer.from(gzipSync(JSON.stringify(trimmed)));
    const lastCandleAt = new Date(state.time.get(state.time.length - 1));
    written += snapshot.length;
    const data = { lastCandleAt, snapshot, bytes: snapshot.length };
    return [
      prisma.predictorSnapshot.upsert({
        where: { deploymentId_nodeId_symbol: { deploymentId, nodeId, symbol } },
        create: { deploymentId, nodeId, symbol, ...data },
        update: data,
      }),
    ];
  });
  await prisma.$transaction(writes);
  return written;
}

/**
 * Restores saved predictors into the loop's fresh evaluators; call it before the warm-up and before any
 * candle. Snapshots of nodes the pinned version does not have are ignored; a snapshot that does not fit its
 * node (params differ, damaged) throws naming the node, rather than silently retraining.
 */
export async function restorePredictorState(
  prisma: PrismaClient,
  deploymentId: string,
  loop: DeploymentLoop,
): Promise<RestoredPredictor[]> {
  const slots = predictorSlots(loop);
  if (slots.length === 0) return [];
  const rows = await prisma.predictorSnapshot.findMany({ where: { deploymentId } });
  const restored: RestoredPredictor[] = [];
  for (const row of rows) {
    const slot = slots.find((s) => s.symbol === row.symbol && s.nodeId === row.nodeId);
    if (!slot) continue;
    const snapshot = JSON.parse(gunzipSync(row.snapshot).toString("utf8")) as PredictorSnapshot;
    try {
      const state = restorePredictorInto(slot.evaluator, row.nodeId, snapshot);
      restored.push({
        symbol: row.symbol,
        nodeId: row.nodeId,
        lastCandleAt: row.lastCandleAt.getTime(),
        trainedWindows: state.trainer.windows.length,
      });
    } catch (error) {
      throw new Error(
        `Deployment ${deploymentId}: the saved ML model of node "${row.nodeId}" (${row.symbol}) cannot be restored: ${(error as Error).message}`,
      );
    }
  }
  return restored;
}
