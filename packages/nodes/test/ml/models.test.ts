import { describe, expect, test, vi } from "vitest";
import { trainModel } from "../../src/catalog/ml/models/index.ts";
import { fitScaler, scaleWithIntercept } from "../../src/catalog/ml/models/standardise.ts";
import type { ModelSettings, TrainingSet } from "../../src/catalog/ml/models/types.ts";
import { basicFeatures } from "./features.ts";
import { btcCandles, MODEL_TYPES } from "./helpers.ts";

// Walk-forward training on real candles takes seconds under a busy CI machine; never a timing assertion.
vi.setConfig({ testTimeout: 120_000 });

const SETTINGS: ModelSettings = { seed: 7, trees: 30, treeDepth: 4, learningRate: 0.1, iterations: 30 };

/** Rows of real features (BTC/USDT 1h) with a label that is a known function of them. */
function rowsFrom(start: number, count: number, label: (row: number[]) => number) {
  const candles = btcCandles(count + 24, start);
  const columns = basicFeatures(candles);
  const x: number[][] = [];
  for (let i = 24; i < count + 24; i++) x.push(columns.map((c) => c[i]!));
  return { x, y: x.map(label) };
}

const upWhenTrending = (row: number[]) => (row[2]! > 0 ? 1 : 0); // the 24-bar return decides the class

describe("models learn a relation that is really in the features", () => {
  const train = rowsFrom(0, 1500, upWhenTrending);
  const holdout = rowsFrom(30_000, 1000, upWhenTrending);

  for (const kind of MODEL_TYPES) {
    test(`${kind}: > 95% out-of-sample accuracy when the label is the sign of one feature`, () => {
      const set: TrainingSet = { x: train.x, y: train.y, task: "direction", classes: 2 };
      const model = trainModel(kind, set, SETTINGS);
      const out = new Float64Array(2);
      let correct = 0;
      holdout.x.forEach((row, r) => {
        model.predict(Float64Array.from(row), out);
        expect(out[0]! + out[1]!).toBeCloseTo(1, 12);
        if ((out[1]! > 0.5 ? 1 : 0) === holdout.y[r]) correct++;
      });
      expect(correct / holdout.x.length).toBeGreaterThan(0.95);
      // Feature 2 (24-bar return) is the one that matters.
      const importances = model.importances()!;
      expect(importances.indexOf(Math.max(...importances))).toBe(2);
    });

    test(`${kind}: regression recovers a linear function of a feature`, () => {
      const target = rowsFrom(0, 1500, (row) => 0.5 * row[0]!);
      const set: TrainingSet = { x: target.x, y: target.y, task: "return", classes: 1 };
      const model = trainModel(kind, set, SETTINGS);
      const out = new Float64Array(1);
      let squared = 0;
      let variance = 0;
      const mean = target.y.reduce((a, b) => a + b, 0) / target.y.length;
      target.x.forEach((row, r) => {
        model.predict(Float64Array.from(row), out);
        squared += (out[0]! - target.y[r]!) ** 2;
        variance += (target.y[r]! - mean) ** 2;
      });
      // Explains most of the variance in-sample (R² > 0.8).
      expect(1 - squared / variance).toBeGreaterThan(0.8);
    });
  }

  test("logistic regression reaches the optimum: the penalised score equations are ~0", () => {
    const noisy = rowsFrom(5000, 1000, (row) => (row[0]! + row[1]! * 0.3 > 0 ? 1 : 0));
    const set: TrainingSet = { x: noisy.x, y: noisy.y, task: "direction", classes: 2 };
    const model = trainModel("logistic", set, SETTINGS);
    const w = (model.toJSON()["weights"] as number[][])[0]!;
    const scaler = fitScaler(set.x);
    const gradient = new Array<number>(w.length).fill(0);
    set.x.forEach((row, r) => {
      const x = scaleWithIntercept(scaler, row);
      const p = 1 / (1 + Math.exp(-x.reduce((a, v, c) => a + v * w[c]!, 0)));
      for (let c = 0; c < w.length; c++) gradient[c]! += (set.y[r]! - p) * x[c]!;
    });
    for (let c = 1; c < w.length; c++) gradient[c]! -= w[c]!; // L2 penalty 1, intercept unpenalised
    for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-6);
  });

  test("a window with one class only falls back to its class frequencies", () => {
    const set: TrainingSet = {
      x: train.x.slice(0, 50),
      y: new Array(50).fill(1),
      task: "direction",
      classes: 3,
    };
    const model = trainModel("gradientBoosting", set, SETTINGS);
    const out = new Float64Array(3);
    model.predict(Float64Array.from(train.x[0]!), out);
    expect(Array.from(out)).toEqual([0, 1, 0]);
    expect(model.toJSON().kind).toBe("prior");
  });
});
