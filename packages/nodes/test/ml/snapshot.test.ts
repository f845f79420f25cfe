import { describe, expect, test, vi } from "vitest";
import { mlPredictorNode, restorePredictor, serializePredictor } from "../../src/catalog/ml/index.ts";
import type { PredictorParams } from "../../src/catalog/ml/predictor/params.ts";
import type { PredictorState } from "../../src/catalog/ml/predictor/state.ts";
import type { CandleColumns } from "../../src/runtime-types.ts";
import { flatAccount, runNode, sliceCandles } from "../../src/testing/run-node.ts";
import { basicFeatures } from "./features.ts";
import { btcCandles, FAST, firstDifference, MODEL_TYPES } from "./helpers.ts";

// Walk-forward training on real candles takes seconds under a busy CI machine; never a timing assertion.
vi.setConfig({ testTimeout: 120_000 });

/** Steps an existing state over bars [from, n) of full columns, as a restarted live runner would. */
function continueRun(state: PredictorState, candles: CandleColumns, params: PredictorParams, from: number) {
  const n = candles.close.length;
  const io = {
    in: { features: basicFeatures(candles), candles },
    out: {
      probability: new Float64Array(n).fill(Number.NaN),
      confidence: new Float64Array(n).fill(Number.NaN),
    },
    tick: new Uint8Array(n),
  };
  const ctx = { symbol: "BTC/USDT", timeframeMs: 3_600_000, candles, account: flatAccount(), emit: () => {} };
  for (let i = from; i < n; i++) mlPredictorNode.step(state, io, i, ctx, params);
  return io.out;
}

describe("snapshot and restore: a restarted runner continues with the trained model", () => {
  const candles = btcCandles(1600);
  const stopAt = 1037; // mid-way between retrains (first training ~bar 330, then every 100 bars)

  for (const model of MODEL_TYPES) {
    for (const target of ["direction", "return"] as const) {
      test(`${model} ${target}: restored from JSON, predictions continue identical to an uninterrupted run`, () => {
        const params = mlPredictorNode.params.parse({ ...FAST, model, target });
        const uninterrupted = runNode(mlPredictorNode, params, { features: basicFeatures(candles), candles });
        const before = sliceCandles(candles, 0, stopAt);
        const partial = runNode(mlPredictorNode, params, {
          features: basicFeatures(before),
          candles: before,
        });
        const saved = JSON.stringify(serializePredictor(partial.state as PredictorState));
        const restored = restorePredictor(JSON.parse(saved), params, "ml");
        const resumed = continueRun(restored, candles, params, stopAt);
        const tail = (column: Float64Array) => column.subarray(stopAt);
        expect(tail(uninterrupted.out.probability).some((p) => !Number.isNaN(p))).toBe(true);
        expect(firstDifference(tail(uninterrupted.out.probability), tail(resumed.probability))).toBe(-1);
        expect(firstDifference(tail(uninterrupted.out.confidence), tail(resumed.confidence))).toBe(-1);
        expect(restored.trainer.windows.length).toBeGreaterThan(5);
        expect((uninterrupted.state as PredictorState).trainer.windows).toEqual(restored.trainer.windows);
      });
    }
  }

  test("without the snapshot a fresh node on the recent bars alone is not ready yet (why restore matters)", () => {
    const params = mlPredictorNode.params.parse({ ...FAST, model: "logistic" });
    const recent = sliceCandles(candles, stopAt, stopAt + 200);
    const fresh = runNode(mlPredictorNode, params, { features: basicFeatures(recent), candles: recent });
    expect(fresh.out.probability.every((p) => Number.isNaN(p))).toBe(true);
  });

  test("restoring into a node whose params changed names the param", () => {
    const params = mlPredictorNode.params.parse({ ...FAST, model: "randomForest" });
    const before = sliceCandles(candles, 0, 600);
    const partial = runNode(mlPredictorNode, params, { features: basicFeatures(before), candles: before });
    const snapshot = serializePredictor(partial.state as PredictorState);
    const changed = mlPredictorNode.params.parse({ ...FAST, model: "randomForest", horizon: 8 });
    expect(() => restorePredictor(snapshot, changed, "ml7")).toThrow(
      /^ml7\.horizon: the saved model was trained with 4/,
    );
  });
});
