import { describe, expect, test, vi } from "vitest";
import { mlPredictorNode } from "../../src/catalog/ml/index.ts";
import type { PredictorParams } from "../../src/catalog/ml/predictor/params.ts";
import type { NodeIO } from "../../src/contract.ts";
import type { CandleColumns } from "../../src/runtime-types.ts";
import { flatAccount } from "../../src/testing/run-node.ts";
import { basicFeatures } from "./features.ts";
import { btcCandles, FAST, firstDifference, MODEL_TYPES, runPredictor } from "./helpers.ts";

// Walk-forward training on real candles takes seconds under a busy CI machine; never a timing assertion.
vi.setConfig({ testTimeout: 120_000 });

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

describe("on a higher-timeframe clock the node counts its own samples", () => {
  test("stepping every 4th bar equals stepping the 4 h samples contiguously", () => {
    const hourly = btcCandles(2400);
    const every4 = (column: Float64Array) => column.filter((_, i) => i % 4 === 3);
    const sampled: CandleColumns = {
      time: every4(hourly.time),
      open: every4(hourly.open),
      high: every4(hourly.high),
      low: every4(hourly.low),
      close: every4(hourly.close),
      volume: every4(hourly.volume),
    };
    const contiguous = runPredictor(sampled, { ...FAST, model: "gradientBoosting" });
    const features = basicFeatures(sampled);
    // Spread the samples onto base-bar indices 3, 7, 11, ... as the evaluator does on a 4h clock.
    const spread = (column: Float64Array) => {
      const out = new Float64Array(hourly.close.length).fill(Number.NaN);
      column.forEach((v, k) => {
        out[4 * k + 3] = v;
      });
      return out;
    };
    const params = mlPredictorNode.params.parse({ ...FAST, model: "gradientBoosting" });
    const io = {
      in: {
        features: features.map(spread),
        candles: { ...hourly, close: spread(sampled.close), time: spread(sampled.time) },
      },
      out: {
        probability: new Float64Array(hourly.close.length),
        confidence: new Float64Array(hourly.close.length),
      },
      tick: new Uint8Array(hourly.close.length),
    };
    const state = mlPredictorNode.init(params, io, {
      nodeId: "ml",
      symbol: "BTC/USDT",
      timeframeMs: 3_600_000,
    });
    const ctx = {
      symbol: "BTC/USDT",
      timeframeMs: 3_600_000,
      candles: hourly,
      account: flatAccount(),
      emit: () => {},
    };
    for (let i = 3; i < hourly.close.length; i += 4) mlPredictorNode.step(state, io, i, ctx, params);
    const onClock = every4(io.out.probability);
    expect(contiguous.probability.filter((p) => !Number.isNaN(p)).length).toBeGreaterThan(100);
    expect(firstDifference(contiguous.probability, onClock)).toBe(-1);
    expect(() => mlPredictorNode.step(state, io, 5, ctx, params)).toThrow(
      "ml: bars must be stepped in order (bar 5 after bar 2399)",
    );
  });
});
