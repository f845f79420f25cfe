import type { CompiledPlan } from "../../../compiler/plan.ts";
import type { PlanEvaluator } from "../../../runtime/evaluator-api.ts";
import { mlPredictorNode } from "./definition.ts";
import { type PredictorSnapshot, restorePredictor } from "./snapshot.ts";
import type { PredictorState } from "./state.ts";

/** Ids of the plan's ML predictor nodes, in plan order. */
export function predictorNodeIds(plan: CompiledPlan): string[] {
  return plan.nodes.filter((node) => node.type === mlPredictorNode.type).map((node) => node.id);
}

/** The live state of one predictor node of an evaluator; throws when the id is not a predictor. */
export function predictorStateOf(
  evaluator: Pick<PlanEvaluator, "nodeState">,
  nodeId: string,
): PredictorState {
  const entry = evaluator.nodeState(nodeId);
  if (!entry) throw new Error(`node "${nodeId}" is not in this strategy`);
  if (entry.type !== mlPredictorNode.type) {
    throw new Error(`node "${nodeId}" is a ${entry.type}, not an ${mlPredictorNode.type}`);
  }
  return entry.state as PredictorState;
}

/**
 * Puts a saved predictor back into a fresh evaluator (a restarted deployment), before its first bar. The
 * evaluator may then be re-fed the candles the snapshot already covers (warm-up): the node repeats its stored
 * predictions for those, and trains on schedule from the first candle after them.
 */
export function restorePredictorInto(
  evaluator: Pick<PlanEvaluator, "plan" | "length" | "nodeState" | "replaceNodeState">,
  nodeId: string,
  snapshot: PredictorSnapshot,
): PredictorState {
  if (evaluator.length > 0) {
    throw new Error(
      `${nodeId}: restore the predictor before the first bar (${evaluator.length} bars evaluated)`,
    );
  }
  predictorStateOf(evaluator, nodeId);
  const planned = evaluator.plan.nodes.find((node) => node.id === nodeId)!;
  const state = restorePredictor(snapshot, mlPredictorNode.params.parse(planned.params), nodeId);
  // Bar indices restart with the new evaluator; the node matches bars to its history by candle time.
  state.lastStepIndex = -1;
  evaluator.replaceNodeState(nodeId, state);
  return state;
}
