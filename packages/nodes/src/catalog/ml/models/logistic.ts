/// <reference path="../ml-libs.d.ts" />
import LogisticRegression from "ml-logistic-regression";
import { Matrix, solve } from "ml-matrix";
import { fitScaler, type Scaler, scaleWithIntercept } from "./standardise.ts";
import type { ModelJson, ModelSettings, TrainedModel, TrainingSet } from "./types.ts";

/**
 * Logistic regression (ml-logistic-regression, one-vs-rest) on standardised features plus an intercept
 * column, which the library lacks. For `return` the same family is a least-squares linear regression.
 */
interface LinearJson extends ModelJson {
  kind: "logistic";
  scaler: Scaler;
  /** direction: one weight vector per class (intercept first); return: a single vector. */
  weights: number[][];
  classes: number;
}

function dot(weights: number[], scaled: number[]): number {
  let sum = 0;
  for (let c = 0; c < weights.length; c++) sum += weights[c]! * scaled[c]!;
  return sum;
}

export function trainLogistic(set: TrainingSet, settings: ModelSettings): TrainedModel {
  const scaler = fitScaler(set.x);
  const rows = set.x.map((row) => scaleWithIntercept(scaler, row));
  if (set.task === "return") return linearModel(fitLeastSquares(rows, set.y), scaler);

  // The library numbers classes 0..m-1 by what it sees; map the present classes onto that range.
  const present = [...new Set(set.y)].sort((a, b) => a - b);
  const libraryClass = new Map(present.map((c, index) => [c, index]));
  const y = Matrix.columnVector(set.y.map((c) => libraryClass.get(c)!));
  // The library sums gradients over rows; dividing the rate by the row count makes the step size-free.
  const model = new LogisticRegression({ numSteps: settings.iterations, learningRate: 1 / rows.length });
  model.train(new Matrix(rows), y);
  const weights: number[][] = Array.from({ length: set.classes }, () => []);
  present.forEach((c, index) => {
    weights[c] = model.classifiers[index]!.weights.to1DArray();
  });
  return logisticModel({ kind: "logistic", task: "direction", scaler, weights, classes: set.classes });
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
  return {
    predict(row, out) {
      out[0] = dot(weights, scaleWithIntercept(scaler, row));
    },
    importances: () => normalisedMagnitudes([weights]),
    toJSON: (): LinearJson => ({ kind: "logistic", task: "return", scaler, weights: [weights], classes: 1 }),
  };
}

function logisticModel(json: LinearJson): TrainedModel {
  const { scaler, weights } = json;
  return {
    predict(row, out) {
      const scaled = scaleWithIntercept(scaler, row);
      // The library's classifier c scores "not c"; P(c) = 1 - sigmoid(w·x), normalised across classes.
      let total = 0;
      for (let c = 0; c < weights.length; c++) {
        const w = weights[c]!;
        const p = w.length === 0 ? 0 : 1 - 1 / (1 + Math.exp(-dot(w, scaled)));
        out[c] = p;
        total += p;
      }
      for (let c = 0; c < weights.length; c++) out[c] = total > 0 ? out[c]! / total : 1 / weights.length;
    },
    importances: () => normalisedMagnitudes(weights),
    toJSON: () => json,
  };
}

/** |weight| of each standardised feature (intercept excluded), averaged over classes, summing to 1. */
function normalisedMagnitudes(weights: number[][]): number[] | null {
  const features = (weights.find((w) => w.length > 0)?.length ?? 1) - 1;
  const sums = new Array<number>(features).fill(0);
  for (const w of weights) for (let f = 0; f < w.length - 1; f++) sums[f]! += Math.abs(w[f + 1]!);
  const total = sums.reduce((a, b) => a + b, 0);
  return total > 0 ? sums.map((s) => s / total) : null;
}

export function loadLogistic(json: ModelJson): TrainedModel {
  const linear = json as LinearJson;
  return linear.task === "return" ? linearModel(linear.weights[0]!, linear.scaler) : logisticModel(linear);
}
