import { mlPredictorNode } from "../../src/catalog/ml/index.ts";
import type { PredictorParams } from "../../src/catalog/ml/predictor/params.ts";
import type { PredictorState } from "../../src/catalog/ml/predictor/state.ts";
import type { CandleColumns } from "../../src/runtime-types.ts";
import { loadBundledCandles, runNode, sliceCandles } from "../../src/testing/run-node.ts";
import { basicFeatures } from "./features.ts";

export const BTC_1H = "binance_BTCUSDT_1h.csv.gz";

/** The first `bars` real BTC/USDT 1h candles (a copy: tests may perturb it). */
export function btcCandles(bars: number, start = 0): CandleColumns {
  return sliceCandles(loadBundledCandles(BTC_1H), start, start + bars);
}

/** Small, fast settings so a test trains a few dozen windows in well under a second each. */
export const FAST: Partial<PredictorParams> = {
  trainBars: 300,
  retrainEvery: 100,
  trees: 15,
  treeDepth: 3,
  iterations: 150,
};

export const MODEL_TYPES = ["logistic", "randomForest", "gradientBoosting"] as const;

export interface PredictorRun {
  probability: Float64Array;
  confidence: Float64Array;
  state: PredictorState;
}

/** Runs the predictor over whole columns with features computed from the candles. */
export function runPredictor(candles: CandleColumns, params: Partial<PredictorParams>): PredictorRun {
  const result = runNode(mlPredictorNode, params, { features: basicFeatures(candles), candles });
  return {
    probability: result.out.probability,
    confidence: result.out.confidence,
    state: result.state as PredictorState,
  };
}

/** Exact equality that treats NaN as equal to NaN; returns the first differing index or -1. */
export function firstDifference(
  a: Float64Array,
  b: Float64Array,
  end = Math.min(a.length, b.length),
): number {
  for (let i = 0; i < end; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}
