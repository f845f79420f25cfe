import { describe, expect, test, vi } from "vitest";
import type { DirectionScores, ReturnScores } from "../../src/catalog/ml/evaluation/metrics.ts";
import { predictorReport } from "../../src/catalog/ml/evaluation/report.ts";
import { btcCandles, FAST, MODEL_TYPES, runPredictor } from "./helpers.ts";

// Walk-forward training on real candles takes seconds under a busy CI machine; never a timing assertion.
vi.setConfig({ testTimeout: 120_000 });

const HORIZON = 4;

describe("evaluation report, computed from the node's own out-of-sample predictions", () => {
  const candles = btcCandles(5000, 20_000);
  const close = candles.close;
  const upOf = (bar: number) => (close[bar + HORIZON]! / close[bar]! - 1 > 0 ? 1 : 0);

  for (const model of MODEL_TYPES) {
    test(`${model}: accuracy, precision/recall and the majority-class baseline match a recount`, () => {
      const run = runPredictor(candles, {
        ...FAST,
        model,
        horizon: HORIZON,
        trainBars: 500,
        retrainEvery: 250,
      });
      const report = predictorReport(run.state);
      const overall = report.overall as DirectionScores;

      // Recount from the output column and the candles, independently of the report code.
      let count = 0;
      let correct = 0;
      let tp = 0;
      let predictedUp = 0;
      let actualUp = 0;
      for (let bar = 0; bar + HORIZON < close.length; bar++) {
        const p = run.probability[bar]!;
        if (Number.isNaN(p)) continue;
        const predicted = p > 0.5 ? 1 : 0;
        const actual = upOf(bar);
        count++;
        if (predicted === actual) correct++;
        if (predicted === 1) predictedUp++;
        if (actual === 1) actualUp++;
        if (predicted === 1 && actual === 1) tp++;
      }
      expect(overall.count).toBe(count);
      expect(overall.accuracy).toBeCloseTo(correct / count, 12);
      expect(overall.precisionUp).toBeCloseTo(tp / predictedUp, 12);
      expect(overall.recallUp).toBeCloseTo(tp / actualUp, 12);
      expect(report.majorityShare).toBeCloseTo(Math.max(actualUp, count - actualUp) / count, 12);

      // Baseline: each window's training majority (from the candles), applied to the bars it predicts.
      let baselineCorrect = 0;
      for (const window of report.windows) {
        let ups = 0;
        for (let row = window.firstRow; row <= window.lastRow; row++) ups += upOf(row);
        const majority = ups > window.trainRows - ups ? 1 : 0;
        for (
          let bar = window.trainedAtBar;
          bar <= Math.min(window.toBar, close.length - 1 - HORIZON);
          bar++
        ) {
          if (!Number.isNaN(run.probability[bar]!) && upOf(bar) === majority) baselineCorrect++;
        }
      }
      expect(overall.baselineAccuracy).toBeCloseTo(baselineCorrect / count, 12);
      expect(report.windows.reduce((a, w) => a + w.scores.count, 0)).toBe(count);
      expect(report.calibration.reduce((a, bin) => a + bin.count, 0)).toBe(count);
      expect(report.importances.latest).toHaveLength(5);
      expect(report.importances.latest!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);

      // Honest numbers, printed next to the baseline (BTC/USDT 1h, 5,000 bars from bar 20,000).
      console.log(
        `${model} OOS direction h=${HORIZON}: accuracy ${overall.accuracy!.toFixed(4)} vs majority-class baseline ` +
          `${overall.baselineAccuracy!.toFixed(4)} (hindsight majority ${report.majorityShare!.toFixed(4)}), ` +
          `precision ${overall.precisionUp!.toFixed(4)}, recall ${overall.recallUp!.toFixed(4)}, n=${count}, windows=${report.windows.length}`,
      );
    });
  }

  test("flipping the stored predictions flips accuracy: the report reads the predictions", () => {
    const run = runPredictor(candles, { ...FAST, model: "logistic", horizon: HORIZON });
    const before = predictorReport(run.state).overall as DirectionScores;
    const classes = run.state.predictedClass;
    for (let i = 0; i < classes.length; i++)
      if (!Number.isNaN(classes.get(i))) classes.values[i] = 1 - classes.get(i);
    const after = predictorReport(run.state).overall as DirectionScores;
    expect(after.count).toBe(before.count);
    expect(after.accuracy).toBeCloseTo(1 - before.accuracy!, 12);
    expect(after.baselineAccuracy).toBe(before.baselineAccuracy);
  });

  test("return target: MAE/RMSE per window next to the training-mean baseline", () => {
    const run = runPredictor(candles, {
      ...FAST,
      model: "gradientBoosting",
      target: "return",
      horizon: HORIZON,
    });
    const report = predictorReport(run.state);
    const overall = report.overall as ReturnScores;
    let abs = 0;
    let count = 0;
    for (let bar = 0; bar + HORIZON < close.length; bar++) {
      const p = run.probability[bar]!;
      if (Number.isNaN(p)) continue;
      abs += Math.abs(p - (close[bar + HORIZON]! / close[bar]! - 1));
      count++;
    }
    expect(overall.count).toBe(count);
    expect(overall.mae).toBeCloseTo(abs / count, 12);
    expect(overall.rmse!).toBeGreaterThanOrEqual(overall.mae!);
    expect(report.calibration).toHaveLength(10);
    console.log(
      `gradientBoosting OOS return h=${HORIZON}: MAE ${overall.mae!.toExponential(3)} vs baseline ${overall.baselineMae!.toExponential(3)}, ` +
        `RMSE ${overall.rmse!.toExponential(3)} vs ${overall.baselineRmse!.toExponential(3)}, sign hit ${overall.directionHitRate!.toFixed(4)}`,
    );
  });

  test("neutral band: three classes, accuracy counts neutral outcomes, calibration still reads P(up)", () => {
    const band = 0.003;
    const run = runPredictor(candles, {
      ...FAST,
      model: "randomForest",
      horizon: HORIZON,
      neutralBand: band,
    });
    const report = predictorReport(run.state);
    expect(report.classes).toEqual(["down", "up", "neutral"]);
    const classOf = (bar: number) => {
      const r = close[bar + HORIZON]! / close[bar]! - 1;
      return Math.abs(r) <= band ? 2 : r > 0 ? 1 : 0;
    };
    let count = 0;
    let correct = 0;
    for (let bar = 0; bar + HORIZON < close.length; bar++) {
      if (Number.isNaN(run.probability[bar]!)) continue;
      count++;
      if (run.state.predictedClass.get(bar) === classOf(bar)) correct++;
    }
    const overall = report.overall as DirectionScores;
    expect(overall.count).toBe(count);
    expect(overall.accuracy).toBeCloseTo(correct / count, 12);
    expect(report.calibration.reduce((a, bin) => a + bin.count, 0)).toBe(count);
  });
});
