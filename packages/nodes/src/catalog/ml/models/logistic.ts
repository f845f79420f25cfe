import { Matrix, solve } from "ml-matrix";
import { fitScaler, type Scaler, scaleWithIntercept } from "./standardise.ts";
import type { ModelJson, ModelSettings, TrainedModel, TrainingSet } from "./types.ts";

/**
 * Logistic regression on standardised features with an intercept, fitted by Newton's method (IRLS) with
 * the linear algebra from ml-matrix, and a small L2 penalty so a window that happens to be separable still
 * gives finite weights. Two classes: one model for P(up). Three: one-vs-rest, normalised to sum to 1.
 * For `return` the same family is a least-squares linear regression.
 * Not ml-logistic-regression: it is plain gradient descent without an intercept, and cost 343 ms per retrain
 * here (1,000 rows, 300 steps) without reaching the optimum; Newton converges in a handful of steps.
 */
interface LinearJson extends ModelJson {
  kind: "logistic";
  scaler: Scaler;
  /** direction: one weight vector (intercept first) per modelled class; return: a single vector. */
  weights: number[][];
  classes: number;
}

const L2_PENALTY = 1;
const MAX_NEWTON_STEPS = 30;

function dot(weights: number[], scaled: number[]): number {
  let sum = 0;
  for (let c = 0; c < weights.length; c++) sum += weights[c]! * scaled[c]!;
  return sum;
}

export function trainLogistic(set: TrainingSet, settings: ModelSettings): TrainedModel {
  const scaler = fitScaler(set.x);
  const rows = set.x.map((row) => scaleWithIntercept(scaler, row));
  if (set.task === "return") return linearModel(fitLeastSquares(rows, set.y), scaler);
  // Two classes need only P(up); with a neutral class, one model per class.
  const modelled = set.classes === 2 ? [1] : Array.from({ length: set.classes }, (_, c) => c);
  const weights = modelled.map((c) =>
    fitNewton(
      rows,
      set.y.map((y) => (y === c ? 1 : 0)),
      settings.iterations,
    ),
  );
  return logisticModel({ kind: "logistic", task: "direction", scaler, weights, classes: set.classes });
}

/** Maximises the penalised log-likelihood: w ← w + (XᵀWX + λI)⁻¹ (Xᵀ(y − p) − λw), intercept unpenalised. */
function fitNewton(rows: number[][], y: number[], maxSteps: number): number[] {
  const width = rows[0]!.length;
  let w = new Array<number>(width).fill(0);
  const hessian = new Float64Array(width * width);
  for (let step = 0; step < Math.min(maxSteps, MAX_NEWTON_STEPS); step++) {
    const gradient = new Array<number>(width).fill(0);
    hessian.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const x = rows[r]!;
      const p = 1 / (1 + Math.exp(-dot(w, x)));
      const weight = p * (1 - p);
      for (let a = 0; a < width; a++) {
        gradient[a]! += (y[r]! - p) * x[a]!;
        const wa = weight * x[a]!;
        for (let b = 0; b <= a; b++) hessian[a * width + b]! += wa * x[b]!;
      }
    }
    for (let a = 0; a < width; a++) {
      for (let b = 0; b < a; b++) hessian[b * width + a] = hessian[a * width + b]!;
      if (a > 0) {
        gradient[a]! -= L2_PENALTY * w[a]!;
        hessian[a * width + a]! += L2_PENALTY;
      }
    }
    const system = Matrix.from1DArray(width, width, hessian);
    const delta = solve(system, Matrix.columnVector(gradient)).to1DArray();
    w = w.map((value, a) => value + delta[a]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-10) break;
  }
  return w;
}

/** Ridge-stabilised least squares (tiny penalty, none on the intercept) through ml-matrix. */
function fitLeastSquares(rows: number[][], y: number[]): number[] {
  const x = new Matrix(rows);
  const xt = x.transpose();
  const gram = xt.mmul(x);
  for (let c = 1; c < gram.columns; c++) gram.set(c, c, gram.get(c, c) + 1e-6 * rows.length);
  return solve(gram, xt.mmul(Matrix.columnVector(y))).to1DArray();
}

function linearModel(weights: number[], scaler: Scaler): TrainedModel {
  const scaled = new Array<number>(weights.length);
  return {
    predict(row, out) {
      out[0] = dot(weights, scaleWithIntercept(scaler, row, scaled));
    },
    importances: () => normalisedMagnitudes([weights]),
    toJSON: (): LinearJson => ({ kind: "logistic", task: "return", scaler, weights: [weights], classes: 1 }),
  };
}

function logisticModel(json: LinearJson): TrainedModel {
  const { scaler, weights, classes } = json;
  const buffer = new Array<number>(scaler.mean.length + 1);
  return {
    predict(row, out) {
      const scaled = scaleWithIntercept(scaler, row, buffer);
      if (classes === 2) {
        const up = 1 / (1 + Math.exp(-dot(weights[0]!, scaled)));
        out[0] = 1 - up;
        out[1] = up;
        return;
      }
      let total = 0;
      for (let c = 0; c < classes; c++) {
        out[c] = 1 / (1 + Math.exp(-dot(weights[c]!, scaled)));
        total += out[c]!;
      }
      for (let c = 0; c < classes; c++) out[c] = out[c]! / total;
    },
    importances: () => normalisedMagnitudes(weights),
    toJSON: () => json,
  };
}

/** |weight| of each standardised feature (intercept excluded), averaged over classes, summing to 1. */
function normalisedMagnitudes(weights: number[][]): number[] | null {
  const features = (weights[0]?.length ?? 1) - 1;
  const sums = new Array<number>(features).fill(0);
  for (const w of weights) for (let f = 0; f < features; f++) sums[f]! += Math.abs(w[f + 1]!);
  const total = sums.reduce((a, b) => a + b, 0);
  return total > 0 ? sums.map((s) => s / total) : null;
}

export function loadLogistic(json: ModelJson): TrainedModel {
  const linear = json as LinearJson;
  return linear.task === "return" ? linearModel(linear.weights[0]!, linear.scaler) : logisticModel(linear);
}
