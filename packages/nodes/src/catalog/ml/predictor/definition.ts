import { defineNode } from "../../../contract.ts";
import { UP } from "../models/types.ts";
import { advance } from "../trainer/walk-forward.ts";
import { predictorParams } from "./params.ts";
import { createPredictorState, type PredictorState } from "./state.ts";

export const mlPredictorNode = defineNode({
  type: "ml.predictor",
  version: 1,
  category: "ml",
  title: "ML predictor",
  description:
    "Learns from the connected features to predict the direction (or return) over the next h bars, walk-forward: " +
    "at bar t it is trained only on bars whose outcome was known at t (up to t − h), retrained every k bars. " +
    "Outputs P(up) (or the predicted return) and a confidence; NaN until the first training window is full.",
  inputs: {
    features: {
      type: "number",
      label: "Features",
      required: true,
      multiple: true,
      description: "Any numeric series",
    },
    candles: { type: "candles", label: "Candles", required: true, description: "Closes define the label" },
  },
  outputs: {
    probability: {
      type: "prediction",
      label: "P(up) / return",
      description: "Probability of up, or predicted forward return",
    },
    confidence: {
      type: "number",
      label: "Confidence",
      description:
        "Direction: top class probability minus the next (0–1). Return: |prediction| / std of training returns",
    },
  },
  params: predictorParams,
  // The first window needs trainBars labelled rows, and a row's label arrives h bars after it.
  warmup: (p) => (p.model === "onnx" ? 0 : p.trainBars + p.horizon - 1),
  init: (p, io, info): PredictorState => createPredictorState(p, info.nodeId, io.in.features.length),
  step: (s, io, i) => {
    // A restored node re-fed bars it already holds (a restarted runner's warm-up): repeat what it said then.
    const time = io.in.candles.time[i]!;
    if (s.time.length > 0 && time <= s.time.get(s.time.length - 1)) {
      replayStoredBar(s, io.out, i, time);
      return;
    }
    // On a higher-timeframe clock the node is stepped only when that clock ticks (i jumps by several base
    // bars); its own sample count is the bar index for labels, horizon and retraining.
    if (i <= s.lastStepIndex) {
      throw new Error(`${s.nodeId}: bars must be stepped in order (bar ${i} after bar ${s.lastStepIndex})`);
    }
    s.lastStepIndex = i;
    const sample = s.trainer.close.length;
    const features = io.in.features;
    let finite = true;
    for (let f = 0; f < s.row.length; f++) {
      const value = features[f]![i]!;
      s.row[f] = value;
      if (!Number.isFinite(value)) finite = false;
    }
    advance(s.trainer, sample, s.row, io.in.candles.close[i]!);
    const model = s.external ?? s.trainer.model;
    let probability = Number.NaN;
    let confidence = Number.NaN;
    let predictedClass = Number.NaN;
    if (model !== null && finite) {
      model.predict(s.row, s.out);
      if (s.trainer.spec.task === "return") {
        probability = s.out[0]!;
        const scale = s.trainer.windows.at(-1)?.labelStd ?? Number.NaN;
        confidence = scale > 0 ? Math.abs(probability) / scale : Number.NaN;
      } else {
        probability = s.out[UP]!;
        confidence = topMargin(s.out);
        predictedClass = mostProbable(s.out);
      }
    }
    io.out.probability[i] = probability;
    io.out.confidence[i] = confidence;
    s.probability.push(probability);
    s.confidence.push(confidence);
    s.predictedClass.push(predictedClass);
    s.time.push(time);
  },
});

/** Outputs the stored prediction for a bar the node has already seen (NaN if its history lacks that time). */
function replayStoredBar(
  s: PredictorState,
  out: { probability: Float64Array; confidence: Float64Array },
  i: number,
  time: number,
): void {
  s.lastStepIndex = i;
  const sample = sampleAtTime(s, time);
  out.probability[i] = sample < 0 ? Number.NaN : s.probability.get(sample);
  out.confidence[i] = sample < 0 ? Number.NaN : s.confidence.get(sample);
}

/** Binary search of the node's (increasing) stored candle times; −1 when absent or trimmed away. */
function sampleAtTime(s: PredictorState, time: number): number {
  let low = s.time.first;
  let high = s.time.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = s.time.get(mid);
    if (at === time) return mid;
    if (at < time) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Highest class probability minus the second highest: 0 = a coin flip between two classes, 1 = certain. */
function topMargin(probabilities: Float64Array): number {
  let first = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (const p of probabilities) {
    if (p > first) {
      second = first;
      first = p;
    } else if (p > second) second = p;
  }
  return first - second;
}

/** Index of the highest probability; ties go to the lower class id (down before up). */
function mostProbable(probabilities: Float64Array): number {
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) if (probabilities[k]! > probabilities[best]!) best = k;
  return best;
}
