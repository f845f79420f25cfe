import { describe, expect, test, vi } from "vitest";
import { mlPredictorNode } from "../../src/catalog/ml/index.ts";
import { UP } from "../../src/catalog/ml/models/types.ts";
import { firstValidIndex, runNode } from "../../src/testing/run-node.ts";
import { basicFeatures } from "./features.ts";
import { btcCandles, FAST, runPredictor } from "./helpers.ts";

// Walk-forward training on real candles takes seconds under a busy CI machine; never a timing assertion.
vi.setConfig({ testTimeout: 120_000 });

describe("ML predictor walk-forward training on real BTC/USDT 1h", () => {
  const candles = btcCandles(1500);
  const features = basicFeatures(candles);
  const horizon = 4;

  /** First bar t at which `need` rows j ≤ t − h have every feature finite (the label needs only closes). */
  function firstFullWindowBar(need: number): number {
    let usable = 0;
    for (let t = horizon; t < candles.close.length; t++) {
      const row = t - horizon;
      if (features.every((column) => Number.isFinite(column[row]!))) usable++;
      if (usable >= need) return t;
    }
    return -1;
  }

  test("outputs NaN (not ready) until the first training window is full, then a prediction every bar", () => {
    const run = runPredictor(candles, { ...FAST, horizon });
    const expectedFirst = firstFullWindowBar(300);
    expect(expectedFirst).toBeGreaterThan(300);
    expect(firstValidIndex(run.probability)).toBe(expectedFirst);
    for (let i = expectedFirst; i < candles.close.length; i++) {
      expect(run.probability[i]).toBeGreaterThanOrEqual(0);
      expect(run.probability[i]).toBeLessThanOrEqual(1);
      expect(run.confidence[i]).toBeGreaterThanOrEqual(0);
    }
  });

  test("every training window ends at t − h, holds trainBars rows (rolling), and retrains every k bars", () => {
    const run = runPredictor(candles, { ...FAST, horizon });
    const windows = run.state.trainer.windows;
    expect(windows.length).toBe(Math.floor((candles.close.length - 1 - windows[0]!.trainedAtBar) / 100) + 1);
    windows.forEach((window, index) => {
      expect(window.lastRow).toBe(window.trainedAtBar - horizon);
      expect(window.rows).toBe(300);
      expect(window.lastRow - window.firstRow + 1).toBe(300);
      if (index > 0) expect(window.trainedAtBar - windows[index - 1]!.trainedAtBar).toBe(100);
    });
  });

  test("an expanding window starts at the first usable row and grows", () => {
    const run = runPredictor(candles, { ...FAST, horizon, window: "expanding" });
    const windows = run.state.trainer.windows;
    const firstUsableRow = features.reduce((first, column) => Math.max(first, firstValidIndex(column)), 0);
    for (const window of windows) {
      expect(window.firstRow).toBe(firstUsableRow);
      expect(window.rows).toBe(window.lastRow - firstUsableRow + 1);
    }
    expect(windows.at(-1)!.rows).toBeGreaterThan(windows[0]!.rows);
  });

  test("with a neutral band the classifier has three classes and P(up) stays a probability", () => {
    const run = runPredictor(candles, { ...FAST, model: "gradientBoosting", horizon, neutralBand: 0.004 });
    expect(run.state.trainer.classes).toBe(3);
    expect(run.state.out.length).toBe(3);
    const valid = run.probability.filter((p) => !Number.isNaN(p));
    expect(valid.length).toBeGreaterThan(1000);
    expect(Math.max(...valid)).toBeLessThan(1);
    expect(Math.min(...valid)).toBeGreaterThan(0);
    // The three class probabilities sum to 1 on the last bar.
    expect(run.state.out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(run.state.out[UP]).toBe(run.probability.at(-1));
  });

  test("return target predicts a forward return of a plausible size for every model type", () => {
    for (const model of ["logistic", "randomForest", "gradientBoosting"] as const) {
      const run = runPredictor(candles, { ...FAST, model, horizon, target: "return" });
      const valid = run.probability.filter((p) => !Number.isNaN(p));
      expect(valid.length, model).toBeGreaterThan(1000);
      // A 4-hour BTC return forecast is a fraction of a percent to a few percent, never ±50%.
      expect(Math.max(...valid.map(Math.abs)), model).toBeLessThan(0.2);
      expect(new Set(valid).size, model).toBeGreaterThan(10);
    }
  });

  test("errors name the node and the port or param at fault", () => {
    expect(() => runNode(mlPredictorNode, {}, { features: [], candles }, { nodeId: "ml1" })).toThrow(
      "ml1.features: connect at least one numeric series as a feature",
    );
    expect(() => mlPredictorNode.params.parse({ model: "onnx" })).toThrow("an ONNX model needs a model file");
    expect(() => mlPredictorNode.params.parse({ target: "return", neutralBand: 0.01 })).toThrow(
      "direction only",
    );
    expect(() =>
      runNode(
        mlPredictorNode,
        { model: "onnx", modelFile: "model.onnx" },
        { features, candles },
        { nodeId: "ml2" },
      ),
    ).toThrow(/^ml2\.modelFile: no model runtime is installed/);
  });
});
