import { loadModel } from "../models/index.ts";
import type { ModelJson } from "../models/types.ts";
import { GrowableColumn } from "../trainer/growable.ts";
import type { TrainingWindow, WalkForwardSpec } from "../trainer/walk-forward.ts";
import type { PredictorParams } from "./params.ts";
import { createPredictorState, type PredictorState } from "./state.ts";

/**
 * Plain-JSON snapshot of a predictor: its stored history, trained model and training windows. A live runner
 * saves it after each closed bar (or each retrain) and restores it on restart, so the node continues with
 * the same model and the same retrain schedule instead of retraining from nothing on partial data.
 */
export interface PredictorSnapshot {
  format: "tradegraph.ml.predictor/1";
  spec: WalkForwardSpec;
  features: number;
  /** Samples stored (bars on the node's own clock). */
  bars: number;
  /** Evaluator bar index of the last step; the next step must come after it. */
  lastStepIndex: number;
  rows: (number | null)[];
  close: (number | null)[];
  time: (number | null)[];
  probability: (number | null)[];
  confidence: (number | null)[];
  predictedClass: (number | null)[];
  usableRows: number;
  lastTrainBar: number;
  /** Null before the first training, and for models loaded from a file (reloaded from `modelFile`). */
  model: ModelJson | null;
  windows: TrainingWindow[];
}

export function serializePredictor(state: PredictorState): PredictorSnapshot {
  const { trainer } = state;
  return {
    format: "tradegraph.ml.predictor/1",
    spec: trainer.spec,
    features: trainer.features,
    bars: trainer.close.length,
    lastStepIndex: state.lastStepIndex,
    rows: trainer.rows.toJSON(),
    close: trainer.close.toJSON(),
    time: state.time.toJSON(),
    probability: state.probability.toJSON(),
    confidence: state.confidence.toJSON(),
    predictedClass: state.predictedClass.toJSON(),
    usableRows: trainer.usableRows,
    lastTrainBar: trainer.lastTrainBar,
    model: state.external === null ? (trainer.model?.toJSON() ?? null) : null,
    windows: trainer.windows,
  };
}

/**
 * Rebuilds the node state from a snapshot taken with the same params. The next bar to step is
 * `snapshot.lastStepIndex + 1`. Throws naming the param when the node's params no longer match the snapshot.
 */
export function restorePredictor(
  snapshot: PredictorSnapshot,
  params: PredictorParams,
  nodeId: string,
): PredictorState {
  if (snapshot.format !== "tradegraph.ml.predictor/1") {
    throw new Error(`${nodeId}: not an ML predictor snapshot (format ${String(snapshot.format)})`);
  }
  const state = createPredictorState(params, nodeId, snapshot.features);
  const now = state.trainer.spec;
  for (const key of Object.keys(now) as (keyof WalkForwardSpec)[]) {
    const was = JSON.stringify(snapshot.spec[key]);
    if (JSON.stringify(now[key]) !== was) {
      throw new Error(
        `${nodeId}.${key}: the saved model was trained with ${was}, the node now has ${JSON.stringify(now[key])}; retrain instead of restoring`,
      );
    }
  }
  const lengths = [
    snapshot.close.length,
    snapshot.time.length,
    snapshot.probability.length,
    snapshot.rows.length / snapshot.features,
  ];
  if (lengths.some((length) => length !== snapshot.bars)) {
    throw new Error(
      `${nodeId}: snapshot is damaged (column lengths ${lengths.join(", ")} for ${snapshot.bars} bars)`,
    );
  }
  state.lastStepIndex = snapshot.lastStepIndex;
  state.trainer.rows = GrowableColumn.fromJSON(snapshot.rows);
  state.trainer.close = GrowableColumn.fromJSON(snapshot.close);
  state.trainer.usableRows = snapshot.usableRows;
  state.trainer.lastTrainBar = snapshot.lastTrainBar;
  state.trainer.windows = snapshot.windows;
  state.trainer.model = snapshot.model === null ? null : loadModel(snapshot.model);
  state.time = GrowableColumn.fromJSON(snapshot.time);
  state.probability = GrowableColumn.fromJSON(snapshot.probability);
  state.confidence = GrowableColumn.fromJSON(snapshot.confidence);
  state.predictedClass = GrowableColumn.fromJSON(snapshot.predictedClass);
  return state;
}
