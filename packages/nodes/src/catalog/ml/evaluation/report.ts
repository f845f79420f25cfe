import { UP } from "../models/types.ts";
import type { PredictorState } from "../predictor/state.ts";
import { labelOfRow, type TrainingWindow } from "../trainer/walk-forward.ts";
import { type DirectionScores, DirectionTally, type ReturnScores, ReturnTally } from "./metrics.ts";

/**
 * Everything the node's panel shows after a run, as plain JSON: out-of-sample scores per retraining window
 * and overall next to the majority-class (or mean-return) baseline, a calibration table and feature
 * importances. Computed from the predictions the node actually made and the outcomes in its stored closes;
 * a prediction counts once its outcome (h bars later) is inside the run.
 */
export interface PredictorReport {
  task: "direction" | "return";
  horizon: number;
  /** Class names by class id (direction), e.g. ["down", "up", "neutral"]. */
  classes: string[];
  /** Feature count, in input-edge order (the UI labels them with the connected nodes). */
  features: number;
  bars: number;
  windows: WindowReport[];
  overall: DirectionScores | ReturnScores;
  /** direction: share of the most common outcome over the scored bars (a hindsight reference). */
  majorityShare: number | null;
  calibration: CalibrationBin[];
  importances: { latest: number[] | null; mean: number[] | null };
}

export interface WindowReport {
  /** Bar (and candle open time) where this model was trained; it predicts bars from there to `toBar`. */
  trainedAtBar: number;
  trainedAtTime: number;
  /** Training rows (bar indices, labels known by `trainedAtBar`). */
  firstRow: number;
  lastRow: number;
  trainRows: number;
  /** Last bar (and its open time) this model predicted; `bars` = bars it was in charge of. */
  toBar: number;
  toTime: number;
  bars: number;
  scores: DirectionScores | ReturnScores;
  importances: number[] | null;
}

/** direction: predictions of P(up) in [lower, upper); return: a decile of predicted returns. */
export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number;
  /** direction: share of these bars that went up; return: mean realised return. */
  observed: number;
}

export function predictorReport(state: PredictorState): PredictorReport {
  const { trainer } = state;
  const task = trainer.spec.task;
  const bars = state.probability.length;
  const windows = trainer.windows;
  const tally = () => (task === "return" ? new ReturnTally() : new DirectionTally());
  const overall = tally();
  const perWindow = windows.map(tally);
  const classCounts = new Array<number>(Math.max(trainer.classes, 1)).fill(0);
  const scored: { predicted: number; actual: number }[] = [];

  let current = -1;
  for (let bar = 0; bar < bars; bar++) {
    while (current + 1 < windows.length && windows[current + 1]!.trainedAtBar <= bar) current++;
    const predicted = state.probability.get(bar);
    const actual = labelOfRow(trainer, bar);
    if (Number.isNaN(predicted) || Number.isNaN(actual)) continue;
    const window: TrainingWindow | undefined = windows[current];
    if (task === "return") {
      const baseline = window?.labelMean ?? Number.NaN;
      (overall as ReturnTally).add(predicted, actual, baseline);
      if (window) (perWindow[current] as ReturnTally).add(predicted, actual, baseline);
    } else {
      const predictedClass = state.predictedClass.get(bar);
      const baseline = window?.majorityClass ?? Number.NaN;
      (overall as DirectionTally).add(predictedClass, actual, baseline, UP);
      if (window) (perWindow[current] as DirectionTally).add(predictedClass, actual, baseline, UP);
      classCounts[actual]!++;
    }
    scored.push({ predicted, actual: task === "return" ? actual : actual === UP ? 1 : 0 });
  }

  const scoredTotal = classCounts.reduce((a, b) => a + b, 0);
  const toBarOf = (index: number) => (windows[index + 1]?.trainedAtBar ?? bars) - 1;
  return {
    task,
    horizon: trainer.spec.horizon,
    classes: task === "return" ? [] : ["down", "up", "neutral"].slice(0, trainer.classes),
    features: trainer.features,
    bars,
    windows: windows.map((window, index) => ({
      trainedAtBar: window.trainedAtBar,
      trainedAtTime: state.time.get(window.trainedAtBar),
      firstRow: window.firstRow,
      lastRow: window.lastRow,
      trainRows: window.rows,
      toBar: toBarOf(index),
      toTime: state.time.get(toBarOf(index)),
      bars: toBarOf(index) - window.trainedAtBar + 1,
      scores: perWindow[index]!.scores(),
      importances: window.importances,
    })),
    overall: overall.scores(),
    majorityShare: task === "return" || scoredTotal === 0 ? null : Math.max(...classCounts) / scoredTotal,
    calibration: task === "return" ? decileBins(scored) : probabilityBins(scored),
    importances: { latest: windows.at(-1)?.importances ?? null, mean: meanImportances(windows) },
  };
}

function probabilityBins(scored: { predicted: number; actual: number }[]): CalibrationBin[] {
  const bins = Array.from({ length: 10 }, (_, b) => ({
    lower: b / 10,
    upper: (b + 1) / 10,
    count: 0,
    sumP: 0,
    ups: 0,
  }));
  for (const { predicted, actual } of scored) {
    const bin = bins[Math.min(9, Math.floor(predicted * 10))]!;
    bin.count++;
    bin.sumP += predicted;
    bin.ups += actual;
  }
  return bins
    .filter((bin) => bin.count > 0)
    .map((bin) => ({
      lower: bin.lower,
      upper: bin.upper,
      count: bin.count,
      meanPredicted: bin.sumP / bin.count,
      observed: bin.ups / bin.count,
    }));
}

function decileBins(scored: { predicted: number; actual: number }[]): CalibrationBin[] {
  const sorted = [...scored].sort((a, b) => a.predicted - b.predicted);
  const bins: CalibrationBin[] = [];
  for (let d = 0; d < 10; d++) {
    const slice = sorted.slice(
      Math.floor((d * sorted.length) / 10),
      Math.floor(((d + 1) * sorted.length) / 10),
    );
    if (slice.length === 0) continue;
    bins.push({
      lower: slice[0]!.predicted,
      upper: slice[slice.length - 1]!.predicted,
      count: slice.length,
      meanPredicted: slice.reduce((a, s) => a + s.predicted, 0) / slice.length,
      observed: slice.reduce((a, s) => a + s.actual, 0) / slice.length,
    });
  }
  return bins;
}

function meanImportances(windows: TrainingWindow[]): number[] | null {
  const withValues = windows.filter((w) => w.importances !== null);
  if (withValues.length === 0) return null;
  const sums = new Array<number>(withValues[0]!.importances!.length).fill(0);
  for (const w of withValues) for (let f = 0; f < sums.length; f++) sums[f]! += w.importances![f]!;
  return sums.map((s) => s / withValues.length);
}
