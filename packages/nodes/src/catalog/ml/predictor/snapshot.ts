import { loadModel } from "../models/index.ts";
import type { ModelJson } from "../models/types.ts";
import { GrowableColumn } from "../trainer/growable.ts";
import { firstRowStillNeeded, type TrainingWindow, type WalkForwardSpec } from "../trainer/walk-forward.ts";
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
  /** Sample of the first stored row and close (0 = full history; absent in snapshots before trimming). */
  historyFrom?: number;
  /** Sample of the first stored time, probability, confidence and predicted class (0 = all). */
  predictionsFrom?: number;
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

export interface SnapshotTrim {
  /**
   * Recent predictions to keep, at least the bars a restarted runner re-feeds in its warm-up (the node
   * repeats its stored prediction for each of those, matched by candle time).
   */
  keepPredictions: number;
}

/**
 * Plain-JSON snapshot of the node. Without `trim` it holds the whole history (the report can be rebuilt from
 * it). With `trim` (the live runner's per-candle save) it holds only what the node can still need, so its
 * size stops growing: rows and closes from the oldest row a future training window can pick (the window and
 * the label horizon), and the last `keepPredictions` predictions. A node restored from either predicts the
 * same values bit for bit; only the report of a trimmed one covers less history.
 */
export function serializePredictor(state: PredictorState, trim?: SnapshotTrim): PredictorSnapshot {
  const { trainer } = state;
  const bars = trainer.close.length;
  const historyFrom = trim
    ? Math.max(trainer.close.first, firstRowStillNeeded(trainer))
    : trainer.close.first;
  const predictionsFrom = trim
    ? Math.max(state.time.first, bars - Math.max(0, Math.ceil(trim.keepPredictions)))
    : state.time.first;
  return {
    format: "tradegraph.ml.predictor/1",
    spec: trainer.spec,
    features: trainer.features,
    bars,
    lastStepIndex: state.lastStepIndex,
    historyFrom,
    predictionsFrom,
    rows: trainer.rows.toJSON(historyFrom * trainer.features),
    close: trainer.close.toJSON(historyFrom),
    time: state.time.toJSON(predictionsFrom),
    probability: state.probability.toJSON(predictionsFrom),
    confidence: state.confidence.toJSON(predictionsFrom),
    predictedClass: state.predictedClass.toJSON(predictionsFrom),
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
  const historyFrom = snapshot.historyFrom ?? 0;
  const predictionsFrom = snapshot.predictionsFrom ?? 0;
  const lengths = [
    historyFrom + snapshot.close.length,
    predictionsFrom + snapshot.time.length,
    predictionsFrom + snapshot.probability.length,
    historyFrom + snapshot.rows.length / snapshot.features,
  ];
  if (lengths.some((length) => length !== snapshot.bars)) {
    throw new Error(
      `${nodeId}: snapshot is damaged (column ends ${lengths.join(", ")} for ${snapshot.bars} bars)`,
    );
  }
  state.lastStepIndex = snapshot.lastStepIndex;
  state.trainer.rows = GrowableColumn.fromJSON(snapshot.rows, historyFrom * snapshot.features);
  state.trainer.close = GrowableColumn.fromJSON(snapshot.close, historyFrom);
  state.trainer.usableRows = snapshot.usableRows;
  state.trainer.lastTrainBar = snapshot.lastTrainBar;
  state.trainer.windows = snapshot.windows;
  state.trainer.model = snapshot.model === null ? null : loadModel(snapshot.model);
  state.time = GrowableColumn.fromJSON(snapshot.time, predictionsFrom);
  state.probability = GrowableColumn.fromJSON(snapshot.probability, predictionsFrom);
  state.confidence = GrowableColumn.fromJSON(snapshot.confidence, predictionsFrom);
  state.predictedClass = GrowableColumn.fromJSON(snapshot.predictedClass, predictionsFrom);
  return state;
}
