import { type ExternalModel, getModelRuntime } from "../models/model-runtime.ts";
import { GrowableColumn } from "../trainer/growable.ts";
import { createWalkForward, type WalkForwardState } from "../trainer/walk-forward.ts";
import type { PredictorParams } from "./params.ts";

export interface PredictorState {
  nodeId: string;
  trainer: WalkForwardState;
  /** Evaluator bar index of the last step (−1 before the first). */
  lastStepIndex: number;
  /** Set when the node runs a model trained elsewhere (model = onnx). */
  external: ExternalModel | null;
  /** History of the node's outputs, for the evaluation report and snapshots. */
  probability: GrowableColumn;
  confidence: GrowableColumn;
  /** Most probable class per bar (direction), NaN when not ready or for returns. */
  predictedClass: GrowableColumn;
  /** Candle open time per bar, so reports can show dates. */
  time: GrowableColumn;
  /** Scratch buffers reused every bar (no allocation per bar). */
  row: Float64Array;
  out: Float64Array;
}

export function createPredictorState(
  params: PredictorParams,
  nodeId: string,
  features: number,
): PredictorState {
  if (features < 1) throw new Error(`${nodeId}.features: connect at least one numeric series as a feature`);
  const kind = params.model === "onnx" ? "external" : params.model;
  const trainer = createWalkForward(
    {
      kind,
      task: params.target,
      horizon: params.horizon,
      neutralBand: params.target === "direction" ? params.neutralBand : 0,
      window: params.window,
      trainBars: params.trainBars,
      retrainEvery: params.retrainEvery,
      settings: {
        seed: params.seed,
        trees: params.trees,
        treeDepth: params.treeDepth,
        learningRate: params.learningRate,
        iterations: params.iterations,
      },
    },
    features,
  );
  return {
    nodeId,
    trainer,
    lastStepIndex: -1,
    external: kind === "external" ? loadExternal(params, nodeId, features, trainer.classes) : null,
    probability: new GrowableColumn(),
    confidence: new GrowableColumn(),
    predictedClass: new GrowableColumn(),
    time: new GrowableColumn(),
    row: new Float64Array(features),
    out: new Float64Array(Math.max(1, trainer.classes)),
  };
}

function loadExternal(
  params: PredictorParams,
  nodeId: string,
  features: number,
  classes: number,
): ExternalModel {
  const runtime = getModelRuntime();
  if (runtime === null) {
    throw new Error(
      `${nodeId}.modelFile: no model runtime is installed here, so "${params.modelFile}" cannot be loaded (ONNX models run in the runner and CLI, not in the browser)`,
    );
  }
  let model: ExternalModel;
  try {
    model = runtime.load({ ref: params.modelFile, features, task: params.target, classes });
  } catch (error) {
    throw new Error(`${nodeId}.modelFile: ${(error as Error).message}`);
  }
  return params.target === "return" ? model : probabilitiesChecked(model, nodeId, params.modelFile);
}

/**
 * A direction model must output probabilities: a model trained elsewhere (a plain linear regression, say)
 * may not, and a "probability" of 1.4 would silently pass every threshold downstream. Refused at the bar.
 */
function probabilitiesChecked(model: ExternalModel, nodeId: string, file: string): ExternalModel {
  return {
    description: model.description,
    predict(row, out) {
      model.predict(row, out);
      for (const p of out) {
        if (!(p >= 0 && p <= 1)) {
          throw new Error(
            `${nodeId}.modelFile: "${file}" returned ${p} where a probability in [0, 1] was expected; a direction model must output P(up) or class probabilities (e.g. predict_proba), or set the label to return`,
          );
        }
      }
    },
  };
}
