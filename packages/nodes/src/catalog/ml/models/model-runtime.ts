/**
 * Injection point for models trained elsewhere (ONNX files exported from scikit-learn, XGBoost, ...).
 * packages/nodes stays browser-safe, so the native runtime lives outside it: the runner or CLI calls
 * `setModelRuntime(...)` (e.g. with @tradegraph/ml-onnx) before evaluating a graph that uses one.
 */
import type { Task } from "./types.ts";

export interface ExternalModelSpec {
  /** What the node's `modelFile` param says (a file path or an id the runtime understands). */
  ref: string;
  features: number;
  task: Task;
  classes: number;
}

/** A loaded external model; `predict` is synchronous because a node steps one bar at a time. */
export interface ExternalModel {
  /** Same contract as a trained model: class probabilities, or the predicted return in out[0]. */
  predict(row: Float64Array, out: Float64Array): void;
  /** Short description for reports, e.g. "onnx model.onnx (input X [1,4])". */
  readonly description: string;
}

export interface ModelRuntime {
  /** Loads synchronously; throws an Error saying what is wrong with the file for this node. */
  load(spec: ExternalModelSpec): ExternalModel;
}

let current: ModelRuntime | null = null;

export function setModelRuntime(runtime: ModelRuntime | null): void {
  current = runtime;
}

export function getModelRuntime(): ModelRuntime | null {
  return current;
}
