import { type TrainableKind, trainModel } from "../models/index.ts";
import type { ModelSettings, TrainedModel, TrainingSet } from "../models/types.ts";
import { GrowableColumn } from "./growable.ts";
import { classCount, forwardReturn, type LabelSpec, labelOf } from "./labels.ts";

/**
 * Walk-forward trainer. It keeps its own copy of every feature row and close (columns may be swapped
 * while streaming). At bar t the label of row j is known only once close[j + h] exists, i.e. j ≤ t − h,
 * so every training set is built from rows ≤ t − h: no model ever sees a label from the future.
 */
export interface WalkForwardSpec extends LabelSpec {
  /** `external`: a model trained elsewhere; the trainer only keeps history (for the report), never trains. */
  kind: TrainableKind | "external";
  window: "rolling" | "expanding";
  trainBars: number;
  retrainEvery: number;
  settings: ModelSettings;
}

/** One retraining: which rows it learned from, and facts the report needs (baseline, label scale). */
export interface TrainingWindow {
  trainedAtBar: number;
  firstRow: number;
  lastRow: number;
  rows: number;
  /** direction: most frequent class in the training rows (the majority-class baseline). */
  majorityClass: number;
  /** Mean and standard deviation of the training labels (return: baseline forecast and confidence scale). */
  labelMean: number;
  labelStd: number;
  importances: number[] | null;
}

export interface WalkForwardState {
  spec: WalkForwardSpec;
  features: number;
  classes: number;
  /** Feature rows, flat with stride `features`. */
  rows: GrowableColumn;
  close: GrowableColumn;
  /** Rows whose features and label are both known and finite, as of the last bar. */
  usableRows: number;
  lastTrainBar: number;
  model: TrainedModel | null;
  windows: TrainingWindow[];
}

export function createWalkForward(spec: WalkForwardSpec, features: number): WalkForwardState {
  return {
    spec,
    features,
    classes: classCount(spec),
    rows: new GrowableColumn(256 * features),
    close: new GrowableColumn(256),
    usableRows: 0,
    lastTrainBar: -1,
    model: null,
    windows: [],
  };
}

export function rowIsFinite(state: WalkForwardState, row: number): boolean {
  const start = row * state.features;
  for (let f = 0; f < state.features; f++) if (!Number.isFinite(state.rows.get(start + f))) return false;
  return true;
}

/** Label of row j from the stored closes (NaN until close[j + h] is stored). */
export function labelOfRow(state: WalkForwardState, row: number): number {
  const exit = row + state.spec.horizon;
  if (exit >= state.close.length) return Number.NaN;
  return labelOf(state.spec, forwardReturn(state.close.get(row), state.close.get(exit)));
}

/**
 * Records bar t (its feature row and close), then retrains if due: first as soon as `trainBars` usable
 * labelled rows exist, then every `retrainEvery` bars. Returns true when a new model was trained.
 */
export function advance(
  state: WalkForwardState,
  t: number,
  featureRow: Float64Array,
  close: number,
): boolean {
  for (let f = 0; f < state.features; f++) state.rows.push(featureRow[f]!);
  state.close.push(close);
  const newlyLabelled = t - state.spec.horizon;
  if (
    newlyLabelled >= 0 &&
    rowIsFinite(state, newlyLabelled) &&
    !Number.isNaN(labelOfRow(state, newlyLabelled))
  ) {
    state.usableRows++;
  }
  if (state.spec.kind === "external") return false;
  const due =
    state.model === null
      ? state.usableRows >= state.spec.trainBars
      : t - state.lastTrainBar >= state.spec.retrainEvery;
  if (!due) return false;
  retrain(state, t);
  return true;
}

function retrain(state: WalkForwardState, t: number): void {
  const { spec } = state;
  if (spec.kind === "external") return;
  const picked: number[] = [];
  // Newest first, so a rolling window stops after `trainBars` usable rows; labels end at t − h.
  for (let row = t - spec.horizon; row >= 0; row--) {
    if (spec.window === "rolling" && picked.length === spec.trainBars) break;
    if (rowIsFinite(state, row) && !Number.isNaN(labelOfRow(state, row))) picked.push(row);
  }
  picked.reverse();
  const set: TrainingSet = { x: [], y: [], task: spec.task, classes: state.classes };
  for (const row of picked) {
    const start = row * state.features;
    set.x.push(Array.from(state.rows.values.subarray(start, start + state.features)));
    set.y.push(labelOfRow(state, row));
  }
  state.model = trainModel(spec.kind, set, spec.settings);
  state.lastTrainBar = t;
  state.windows.push({
    trainedAtBar: t,
    firstRow: picked[0]!,
    lastRow: picked[picked.length - 1]!,
    rows: picked.length,
    ...labelSummary(set),
    importances: state.model.importances(),
  });
}

function labelSummary(set: TrainingSet): Pick<TrainingWindow, "majorityClass" | "labelMean" | "labelStd"> {
  const n = set.y.length;
  const labelMean = set.y.reduce((a, b) => a + b, 0) / n;
  const labelStd = Math.sqrt(set.y.reduce((a, y) => a + (y - labelMean) ** 2, 0) / n);
  if (set.task === "return") return { majorityClass: -1, labelMean, labelStd };
  const counts = new Array<number>(set.classes).fill(0);
  for (const y of set.y) counts[y]!++;
  // Ties go to the lower class id (down before up), a fixed rule so the baseline is reproducible.
  const majorityClass = counts.indexOf(Math.max(...counts));
  return { majorityClass, labelMean, labelStd };
}
