/**
 * Runs on import (bench/run.ts). Cost of the ML predictor node per bar for each model type, on 20,000 real BTC/USDT 1h candles with five
 * features, a 1,000-bar rolling window and a retrain every 168 bars (weekly), 50 trees of depth 4:
 * - total ns/bar: init + step over every bar, retrains included (what a backtest pays);
 * - predict ns/bar: one prediction of the trained model (what a bar between retrains pays);
 * - ms/retrain: the rest of the total divided by the number of retrains;
 * - live snapshot ms: serialising and gzipping the node's state, as a live runner does after each candle: trimmed
 *   to the training window and the predictions a restart's warm-up replays, next to the full history (baseline).
 */
import { gzipSync } from "node:zlib";
import { recordBench } from "../../../scripts/bench-record.mjs";
import {
  type DirectionScores,
  mlPredictorNode,
  predictorReport,
  serializePredictor,
} from "../src/catalog/ml/index.ts";
import type { PredictorState } from "../src/catalog/ml/predictor/state.ts";
import { loadBundledCandles, runNode, sliceCandles } from "../src/testing/run-node.ts";
import { basicFeatures } from "../test/ml/features.ts";

const BARS = 20_000;
const PARAMS = { trainBars: 1000, retrainEvery: 168, trees: 50, treeDepth: 4, horizon: 4 };
/** Predictions a live snapshot keeps: the runner's warm-up for this node alone (3 × its 1,003-bar warm-up). */
const REPLAYED = 3 * (PARAMS.trainBars + PARAMS.horizon - 1);

function benchMl(): void {
  const candles = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 40_000, 40_000 + BARS);
  const features = basicFeatures(candles);
  for (const model of ["logistic", "randomForest", "gradientBoosting"] as const) {
    for (const target of ["direction", "return"] as const) {
      const params = { ...PARAMS, model, target };
      const start = process.hrtime.bigint();
      const run = runNode(mlPredictorNode, params, { features, candles });
      const totalNs = Number(process.hrtime.bigint() - start);
      const state = run.state as PredictorState;
      const trained = state.trainer.model!;
      const row = new Float64Array(features.length);
      let rows = 0;
      const predictStart = process.hrtime.bigint();
      for (let i = 0; i < BARS; i++) {
        for (let f = 0; f < features.length; f++) row[f] = features[f]![i]!;
        if (!row.every(Number.isFinite)) continue;
        trained.predict(row, state.out);
        rows++;
      }
      const predictNs = Number(process.hrtime.bigint() - predictStart) / rows;
      const retrains = state.trainer.windows.length;
      const label = `ml.predictor ${model} ${target} (BTC/USDT 1h, ${BARS} bars, window 1000, retrain every 168)`;
      recordBench({ name: `${label}: total`, unit: "ns/bar", value: Math.round(totalNs / BARS) });
      recordBench({ name: `${label}: predict only`, unit: "ns/bar", value: Math.round(predictNs) });
      recordBench({
        name: `${label}: per retrain (${retrains} retrains)`,
        unit: "ms",
        value: Number(((totalNs - predictNs * BARS) / retrains / 1e6).toFixed(2)),
      });
      if (target === "direction") {
        // What a live runner pays after each closed candle to persist the node (apps/runner predictor-state).
        const timed = (trim?: { keepPredictions: number }) => {
          const snapshotStart = process.hrtime.bigint();
          const stored = gzipSync(JSON.stringify(serializePredictor(state, trim)));
          return { ms: Number(process.hrtime.bigint() - snapshotStart) / 1e6, kib: stored.length / 1024 };
        };
        const full = timed();
        const trimmed = timed({ keepPredictions: REPLAYED });
        recordBench({
          name:
            `${label}: live snapshot after ${BARS} bars, trimmed to the window + ${REPLAYED} replayed predictions ` +
            `(serialise + gzip, ${Math.round(trimmed.kib)} KiB; full history ${Math.round(full.kib)} KiB)`,
          unit: "ms",
          value: Number(trimmed.ms.toFixed(2)),
          baseline: Number(full.ms.toFixed(2)),
        });
        // Honest out-of-sample score of the same run, next to always predicting the training majority.
        const scores = predictorReport(state).overall as DirectionScores;
        recordBench({
          name: `${label}: out-of-sample accuracy (${scores.count} bars, h=4) vs majority-class baseline`,
          unit: "fraction",
          value: Number(scores.accuracy!.toFixed(4)),
          baseline: Number(scores.baselineAccuracy!.toFixed(4)),
        });
      }
    }
  }
}

benchMl();
