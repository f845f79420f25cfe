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

/**
 * Most rows an expanding window trains on (or `trainBars` if larger): beyond it the oldest rows drop out, so
 * training time and the live snapshot stay bounded on a deployment that runs for months.
 */
export const EXPANDING_WINDOW_LIMIT = 20_000;

/** Usable rows a window may hold: `trainBars` (rolling), or every one up to EXPANDING_WINDOW_LIMIT (expanding). */
export function windowLimit(spec: WalkForwardSpec): number {
  return spec.window === "rolling" ? spec.trainBars : Math.max(spec.trainBars, EXPANDING_WINDOW_LIMIT);
}

/** Rows a training at bar t learns from, oldest first: the newest `windowLimit` usable rows up to t − h. */
export function trainingRows(state: WalkForwardState, t: number): number[] {
  const limit = windowLimit(state.spec);
  const picked: number[] = [];
  for (let row = t - state.spec.horizon; row >= 0 && picked.length < limit; row--) {
    if (rowIsFinite(state, row) && !Number.isNaN(labelOfRow(state, row))) picked.push(row);
  }
  return picked.reverse();
}

/**
 * First row any later step can still read: every future window starts at or after the oldest row a training
 * now would pick (labels only ever add newer rows), and rows after t − h still await their label. An
 * external model never trains, so it needs only the rows awaiting a label.
 */
export function firstRowStillNeeded(state: WalkForwardState): number {
  const t = state.close.length - 1;
  const awaitingLabel = Math.max(0, t - state.spec.horizon + 1);
  if (state.spec.kind === "external") return awaitingLabel;
  const rows = trainingRows(state, t);
  // Fewer usable rows than a window holds: a future window may reach back to any of them.
  if (rows.length < windowLimit(state.spec)) return 0;
  return Math.min(rows[0]!, awaitingLabel);
}

function retrain(state: WalkForwardState, t: number): void {
  const { spec } = state;
  if (spec.kind === "external") return;
  const picked = trainingRows(state, t);
  const set: TrainingSet = { x: [], y: [], task: spec.task, classes: state.classes };
  for (const row of picked) {
    const start = row * state.features;
    set.x.push(Array.from(state.rows.range(start, start + state.features)));
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
