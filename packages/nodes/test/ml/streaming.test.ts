import { describe, expect, test } from "vitest";
import { mlPredictorNode } from "../../src/catalog/ml/index.ts";
import type { PredictorParams } from "../../src/catalog/ml/predictor/params.ts";
import type { NodeIO } from "../../src/contract.ts";
import type { CandleColumns } from "../../src/runtime-types.ts";
import { flatAccount } from "../../src/testing/run-node.ts";
import { basicFeatures } from "./features.ts";
import { btcCandles, FAST, firstDifference, MODEL_TYPES, runPredictor } from "./helpers.ts";

/**
 * Live-style run: columns start small and are replaced by larger ones as bars arrive (as the streaming
 * evaluator does), with NaN beyond the current bar, and the node is stepped once per closed bar.
 */
function runStreaming(candles: CandleColumns, params: Partial<PredictorParams>): Float64Array {
  const full = basicFeatures(candles);
  const n = candles.close.length;
  const parsed = mlPredictorNode.params.parse(params);
  let capacity = 16;
  const grow = (source: Float64Array, length: number) => {
    const column = new Float64Array(capacity).fill(Number.NaN);
    column.set(source.subarray(0, length));
    return column;
  };
  const probability = new Float64Array(n).fill(Number.NaN);
  let io: NodeIO<typeof mlPredictorNode.inputs, typeof mlPredictorNode.outputs> | null = null;
  let state: ReturnType<typeof mlPredictorNode.init> | null = null;
  const ctx = { symbol: "BTC/USDT", timeframeMs: 3_600_000, candles, account: flatAccount(), emit: () => {} };
  for (let i = 0; i < n; i++) {
    if (io === null || i >= capacity) {
      while (i >= capacity) capacity *= 2;
      const close = grow(candles.close, i);
      io = {
        in: { features: full.map((column) => grow(column, i)), candles: { ...candles, close } },
        out: {
          probability: new Float64Array(capacity).fill(Number.NaN),
          confidence: new Float64Array(capacity),
        },
        tick: new Uint8Array(capacity),
      };
    }
    // The bar closes: append its values to the live columns, then step.
    for (let f = 0; f < full.length; f++) io.in.features[f]![i] = full[f]![i]!;
    io.in.candles.close[i] = candles.close[i]!;
    state ??= mlPredictorNode.init(parsed, io, { nodeId: "ml", symbol: "BTC/USDT", timeframeMs: 3_600_000 });
    mlPredictorNode.step(state, io, i, ctx, parsed);
    probability[i] = io.out.probability[i]!;
  }
  return probability;
}

describe("backtest and live compute identical predictions", () => {
  const candles = btcCandles(1200);

  for (const model of MODEL_TYPES) {
    test(`${model}: streaming one bar at a time with growing columns equals the batch run`, () => {
      const batch = runPredictor(candles, { ...FAST, model });
      const live = runStreaming(candles, { ...FAST, model });
      expect(batch.probability.filter((p) => !Number.isNaN(p)).length).toBeGreaterThan(500);
      expect(firstDifference(batch.probability, live)).toBe(-1);
    });

    test(`${model}: the same run twice gives identical outputs (fixed seeds)`, () => {
      const first = runPredictor(candles, { ...FAST, model, target: "return" });
      const second = runPredictor(candles, { ...FAST, model, target: "return" });
      expect(firstDifference(first.probability, second.probability)).toBe(-1);
      expect(firstDifference(first.confidence, second.confidence)).toBe(-1);
    });
  }

  test("a different seed changes the forest (the seed is really used)", () => {
    const a = runPredictor(candles, { ...FAST, model: "randomForest", seed: 1 });
    const b = runPredictor(candles, { ...FAST, model: "randomForest", seed: 2 });
    expect(firstDifference(a.probability, b.probability)).toBeGreaterThan(0);
  });
});
