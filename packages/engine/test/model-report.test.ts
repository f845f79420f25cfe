/** The backtest result carries each ML predictor's out-of-sample report, and its numbers survive a recount. */

import { readFileSync } from "node:fs";
import {
  type DirectionScoresReport,
  decodeRunResult,
  encodeRunResult,
  predictorReportSchema,
} from "@tradegraph/contracts";
import { type AccountView, createEvaluator } from "@tradegraph/nodes";
import { describe, expect, it, vi } from "vitest";
import { compileGraph } from "../src/plan-strategy.ts";
import { resultToJson } from "../src/results-json.ts";
import { runBacktest } from "../src/run-backtest.ts";
import { slice } from "./helpers.ts";
import { FEATURE_SOURCES, mlStrategyGraph, PREDICTOR_ID } from "./ml-graph.ts";

// Walk-forward training on real candles can take seconds on a busy machine; no timing assertions.
vi.setConfig({ testTimeout: 120_000 });

const HORIZON = 4;
// Real BTC/USDT 1h candles: 4,000 bars from bar 30,000 (2021–2022).
const candles = slice("binance_BTCUSDT_1h.csv.gz", 30_000, 34_000);

const FLAT_ACCOUNT: AccountView = {
  initialEquity: 10_000,
  equity: 10_000,
  cash: 10_000,
  peakEquity: 10_000,
  dayStartEquity: 10_000,
  positionQuantity: 0,
  positionEntryPrice: Number.NaN,
  barsInPosition: 0,
  openPositions: 0,
  exposure: 0,
  entriesToday: 0,
  lastEntryTime: Number.NaN,
  lastExitTime: Number.NaN,
  closedTrades: 0,
  winningTrades: 0,
  grossProfit: 0,
  grossLoss: 0,
  takerFeeRate: 0.001,
  makerFeeRate: 0.001,
};

/** The predictor's P(up) column from an independent evaluation of the same plan (deterministic). */
function probabilityColumn(graph: unknown): Float64Array {
  const evaluator = createEvaluator(compileGraph(graph), {
    symbol: "BTC/USDT",
    timeframeMs: 3_600_000,
    candles,
    account: FLAT_ACCOUNT,
    emit: () => {},
  });
  for (let i = 0; i < candles.time.length; i++) evaluator.step(i);
  return evaluator.column(PREDICTOR_ID, "probability")!;
}

describe("ML predictor report in the backtest result", () => {
  for (const model of ["logistic", "gradientBoosting"] as const) {
    it(`${model}: accuracy, precision/recall and the majority baseline equal a recount from the node's outputs`, () => {
      const graph = mlStrategyGraph({
        model,
        horizon: HORIZON,
        trainBars: 500,
        retrainEvery: 250,
        trees: 20,
        treeDepth: 3,
      });
      const result = runBacktest({ candles: { "BTC/USDT": candles }, graph });
      const report = predictorReportSchema.parse(result.models[PREDICTOR_ID]?.["BTC/USDT"]);
      expect(Object.keys(result.models)).toEqual([PREDICTOR_ID]);
      expect(report.featureSources).toEqual(FEATURE_SOURCES);
      expect(report.importances.latest).toHaveLength(FEATURE_SOURCES.length);

      const probability = probabilityColumn(graph);
      const close = candles.close;
      const upOf = (bar: number) => (close[bar + HORIZON]! / close[bar]! - 1 > 0 ? 1 : 0);
      const scoredBars: number[] = [];
      for (let bar = 0; bar + HORIZON < close.length; bar++) {
        if (!Number.isNaN(probability[bar]!)) scoredBars.push(bar);
      }
      const up = (bar: number) => (probability[bar]! > 0.5 ? 1 : 0);
      const correct = scoredBars.filter((bar) => up(bar) === upOf(bar)).length;
      const predictedUp = scoredBars.filter((bar) => up(bar) === 1);
      const actualUp = scoredBars.filter((bar) => upOf(bar) === 1);
      const truePositives = predictedUp.filter((bar) => upOf(bar) === 1).length;

      const overall = report.overall as DirectionScoresReport;
      expect(overall.count).toBe(scoredBars.length);
      expect(overall.count).toBeGreaterThan(3000);
      expect(overall.accuracy).toBeCloseTo(correct / scoredBars.length, 12);
      expect(overall.precisionUp).toBeCloseTo(truePositives / predictedUp.length, 12);
      expect(overall.recallUp).toBeCloseTo(truePositives / actualUp.length, 12);

      // Baseline: each window's own training majority (rows it learned from), applied to the bars it predicted.
      let baselineCorrect = 0;
      for (const window of report.windows) {
        let ups = 0;
        for (let row = window.firstRow; row <= window.lastRow; row++) ups += upOf(row);
        expect(window.lastRow).toBeLessThanOrEqual(window.trainedAtBar - HORIZON);
        const majority = ups > window.trainRows - ups ? 1 : 0;
        const inWindow = scoredBars.filter((bar) => bar >= window.trainedAtBar && bar <= window.toBar);
        const windowCorrect = inWindow.filter((bar) => up(bar) === upOf(bar)).length;
        const scores = window.scores as DirectionScoresReport;
        expect(scores.count).toBe(inWindow.length);
        if (inWindow.length > 0) expect(scores.accuracy).toBeCloseTo(windowCorrect / inWindow.length, 12);
        expect(window.bars).toBe(window.toBar - window.trainedAtBar + 1);
        expect(window.trainedAtTime).toBe(candles.time[window.trainedAtBar]);
        baselineCorrect += inWindow.filter((bar) => upOf(bar) === majority).length;
      }
      expect(overall.baselineAccuracy).toBeCloseTo(baselineCorrect / scoredBars.length, 12);
      expect(report.calibration.reduce((sum, bin) => sum + bin.count, 0)).toBe(scoredBars.length);
      for (const bin of report.calibration) {
        const inBin = scoredBars.filter(
          (bar) => Math.min(9, Math.floor(probability[bar]! * 10)) === Math.round(bin.lower * 10),
        );
        expect(bin.count).toBe(inBin.length);
        expect(bin.observed).toBeCloseTo(inBin.filter((bar) => upOf(bar) === 1).length / inBin.length, 12);
      }

      // The stored form (gzip'd JSON, as the runner saves and the server serves it) carries the same report.
      const stored = decodeRunResult(encodeRunResult(resultToJson(result))) as { models: unknown };
      expect(stored.models).toEqual({ [PREDICTOR_ID]: { "BTC/USDT": report } });

      console.log(
        `${model} BTC/USDT 1h OOS h=${HORIZON}: accuracy ${overall.accuracy!.toFixed(4)} vs majority baseline ` +
          `${overall.baselineAccuracy!.toFixed(4)}, precision ${overall.precisionUp!.toFixed(4)}, ` +
          `recall ${overall.recallUp!.toFixed(4)}, n=${overall.count}, windows=${report.windows.length}, trades=${result.trades.length}`,
      );
    });
  }

  it("a strategy without a predictor reports no models", () => {
    const graph = JSON.parse(
      readFileSync(new URL("../../../examples/rsi-mean-reversion.json", import.meta.url), "utf8"),
    );
    const result = runBacktest({ candles: { "BTC/USDT": candles }, graph });
    expect(result.trades.length).toBeGreaterThan(0);
    expect(result.models).toEqual({});
  });
});
