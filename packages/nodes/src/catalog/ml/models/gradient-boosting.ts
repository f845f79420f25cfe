import { binRows, growTree, predictTree, type RegressionTree } from "./histogram-tree.ts";
import { seededRandom } from "./random.ts";
import type { ModelJson, ModelSettings, TrainedModel, TrainingSet } from "./types.ts";

/**
 * Gradient-boosted trees (Friedman's gradient boosting with Newton leaves): log-loss on one logit for two
 * classes, softmax with one tree per class per round for three, squared error for returns. Each tree sees
 * a seeded 80% row sample, so runs are reproducible.
 */
interface BoostingJson extends ModelJson {
  kind: "gradientBoosting";
  classes: number;
  /** Starting score per output (log-odds / log-priors / mean return). */
  base: number[];
  learningRate: number;
  /** rounds × outputs trees, round-major. */
  trees: RegressionTree[];
  importances: number[] | null;
}

const MAX_BINS = 64;
const SUBSAMPLE = 0.8;

/** Number of scores the model keeps per row: 1 for returns and binary direction, K for K > 2 classes. */
function outputsOf(set: TrainingSet): number {
  return set.task === "return" || set.classes === 2 ? 1 : set.classes;
}

export function trainGradientBoosting(set: TrainingSet, settings: ModelSettings): TrainedModel {
  const rows = set.x.length;
  const outputs = outputsOf(set);
  const binned = binRows(set.x, MAX_BINS);
  const base = initialScores(set, outputs);
  const scores = Array.from({ length: outputs }, (_, k) => new Float64Array(rows).fill(base[k]!));
  const target = new Float64Array(rows);
  const hessian = new Float64Array(rows);
  const gains = new Float64Array(set.x[0]?.length ?? 0);
  const random = seededRandom(settings.seed);
  const probs = new Float64Array(outputs);
  const trees: RegressionTree[] = [];
  const minLeafRows = Math.max(5, Math.floor(rows / 100));

  const residuals = Array.from({ length: outputs }, () => new Float64Array(rows));
  const hessians = Array.from({ length: outputs }, () => new Float64Array(rows));
  const sample = new Int32Array(rows);
  for (let round = 0; round < settings.trees; round++) {
    let sampled = 0;
    for (let r = 0; r < rows; r++) if (random() < SUBSAMPLE) sample[sampled++] = r;
    const ids = sample.subarray(0, sampled);
    // Gradients are taken at the scores before this round, for every class at once (softmax coupling).
    for (let r = 0; r < rows; r++) {
      probabilities(set, outputs, (k) => scores[k]![r]!, probs);
      for (let k = 0; k < outputs; k++) {
        if (set.task === "return") {
          residuals[k]![r] = set.y[r]! - scores[k]![r]!;
          hessians[k]![r] = 1;
        } else {
          const isClass = outputs === 1 ? set.y[r] === 1 : set.y[r] === k;
          residuals[k]![r] = (isClass ? 1 : 0) - probs[k]!;
          hessians[k]![r] = Math.max(probs[k]! * (1 - probs[k]!), 1e-6);
        }
      }
    }
    for (let k = 0; k < outputs; k++) {
      target.set(residuals[k]!);
      hessian.set(hessians[k]!);
      const tree = growTree(
        binned,
        [target],
        ids,
        { maxDepth: settings.treeDepth, minLeafRows },
        gains,
        set.task === "return" ? null : hessian,
      );
      // Softmax Newton steps overshoot by K/(K-1) (Friedman 2001); scale them back.
      const scale = settings.learningRate * (outputs > 1 ? (outputs - 1) / outputs : 1);
      for (let n = 0; n < tree.value.length; n++) tree.value[n] = tree.value[n]! * scale;
      trees.push(tree);
      for (let r = 0; r < rows; r++) scores[k]![r]! += predictTree(tree, set.x[r]!);
    }
  }
  const totalGain = gains.reduce((a, b) => a + b, 0);
  return boostingModel({
    kind: "gradientBoosting",
    task: set.task,
    classes: set.classes,
    base,
    learningRate: settings.learningRate,
    trees,
    importances: totalGain > 0 ? Array.from(gains, (g) => g / totalGain) : null,
  });
}

function initialScores(set: TrainingSet, outputs: number): number[] {
  const n = set.y.length;
  if (set.task === "return") return [set.y.reduce((a, b) => a + b, 0) / n];
  const count = (c: number) => set.y.filter((y) => y === c).length;
  // Clamp so a class absent from the window starts very unlikely rather than at -Infinity.
  const share = (c: number) => Math.min(Math.max(count(c) / n, 1e-3), 1 - 1e-3);
  if (outputs === 1) return [Math.log(share(1) / (1 - share(1)))];
  return Array.from({ length: outputs }, (_, k) => Math.log(share(k)));
}

/** Scores → probabilities: sigmoid for one logit (P(up) at index 1 of the output), softmax otherwise. */
function probabilities(
  set: TrainingSet | BoostingJson,
  outputs: number,
  score: (k: number) => number,
  out: Float64Array,
) {
  if (set.task === "return") {
    out[0] = score(0);
    return;
  }
  if (outputs === 1) {
    out[0] = 1 / (1 + Math.exp(-score(0)));
    return;
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < outputs; k++) max = Math.max(max, score(k));
  let total = 0;
  for (let k = 0; k < outputs; k++) {
    out[k] = Math.exp(score(k) - max);
    total += out[k]!;
  }
  for (let k = 0; k < outputs; k++) out[k] = out[k]! / total;
}

function boostingModel(json: BoostingJson): TrainedModel {
  const outputs = json.task === "return" || json.classes === 2 ? 1 : json.classes;
  const scores = new Float64Array(outputs);
  const probs = new Float64Array(outputs);
  return {
    predict(row, out) {
      scores.set(json.base);
      for (let t = 0; t < json.trees.length; t++) scores[t % outputs]! += predictTree(json.trees[t]!, row);
      probabilities(json, outputs, (k) => scores[k]!, probs);
      if (json.task === "direction" && outputs === 1) {
        out[0] = 1 - probs[0]!;
        out[1] = probs[0]!;
      } else out.set(probs.subarray(0, out.length));
    },
    importances: () => json.importances,
    toJSON: () => json,
  };
}

export function loadGradientBoosting(json: ModelJson): TrainedModel {
  return boostingModel(json as BoostingJson);
}
