/**
 * What every model behind the ML predictor node looks like: trained on a window of past rows, then
 * asked for one row at a time. Models are plain data once trained, so a live runner can snapshot them.
 */

/** `direction`: classify the forward return (down / up / neutral). `return`: predict the forward return. */
export type Task = "direction" | "return";

export const MODEL_KINDS = ["logistic", "randomForest", "gradientBoosting", "external"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** Class ids used by direction labels and by every classifier's probability vector. */
export const DOWN = 0;
export const UP = 1;
export const NEUTRAL = 2;

/** Rows of past features with their known labels (class id or forward return). */
export interface TrainingSet {
  x: number[][];
  y: number[];
  task: Task;
  /** Number of classes for `direction` (2, or 3 with a neutral band); 1 for `return`. */
  classes: number;
}

/** Plain JSON form of a trained model; `kind` picks the loader. */
export interface ModelJson {
  kind: ModelKind | "prior";
  task: Task;
  [key: string]: unknown;
}

export interface TrainedModel {
  /**
   * Writes the class probabilities (length = classes, summing to 1) or, for `return`, the predicted
   * forward return into `out[0]`. `row` holds one value per feature, all finite.
   */
  predict(row: Float64Array, out: Float64Array): void;
  /** Relative importance of each feature (sums to 1), or null when the model has none. */
  importances(): number[] | null;
  toJSON(): ModelJson;
}

/** Settings shared by the built-in models (from the node's params). */
export interface ModelSettings {
  seed: number;
  trees: number;
  treeDepth: number;
  learningRate: number;
  iterations: number;
}
