import { describe, expect, test, vi } from "vitest";
import { mlPredictorNode, restorePredictor, serializePredictor } from "../../src/catalog/ml/index.ts";
import type { PredictorParams } from "../../src/catalog/ml/predictor/params.ts";
import type { PredictorSnapshot } from "../../src/catalog/ml/predictor/snapshot.ts";
import type { PredictorState } from "../../src/catalog/ml/predictor/state.ts";
import {
  createWalkForward,
  EXPANDING_WINDOW_LIMIT,
  trainingRows,
  type WalkForwardSpec,
} from "../../src/catalog/ml/trainer/walk-forward.ts";
import type { CandleColumns } from "../../src/runtime-types.ts";
import { flatAccount, sliceCandles } from "../../src/testing/run-node.ts";
import { basicFeatures } from "./features.ts";
import { btcCandles, FAST, firstDifference, MODEL_TYPES, runPredictor } from "./helpers.ts";

// Walk-forward training on real candles takes seconds under a busy CI machine; never a timing assertion.
vi.setConfig({ testTimeout: 120_000 });

/** Steps a node state over bars [from, n) of full columns, as a restarted runner does (warm-up, then live). */
function stepFrom(state: PredictorState, candles: CandleColumns, params: PredictorParams, from: number) {
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

/** A snapshot as the runner stores it (JSON text) and reads it back. */
function roundTrip(snapshot: PredictorSnapshot, params: PredictorParams): PredictorState {
  return restorePredictor(JSON.parse(JSON.stringify(snapshot)), params, "ml");
}

describe("trimmed live snapshot: keeps only what the node can still need", () => {
  const candles = btcCandles(1600);
  const stopAt = 1037; // mid-way between retrains (first training ~bar 330, then every 100 bars)
  const replayed = 120; // candles a restart's warm-up re-feeds

  for (const model of MODEL_TYPES) {
    for (const target of ["direction", "return"] as const) {
      test(`${model} ${target}: restored from a trimmed snapshot, predicts bit-identically to the untrimmed one`, () => {
        const params = mlPredictorNode.params.parse({ ...FAST, model, target });
        const uninterrupted = runPredictor(candles, params);
        const before = sliceCandles(candles, 0, stopAt);
        const partial = runPredictor(before, params).state;
        const full = serializePredictor(partial);
        const trimmed = serializePredictor(partial, { keepPredictions: replayed });
        expect(trimmed.rows.length).toBeLessThan(full.rows.length);
        expect(trimmed.time.length).toBe(replayed);

        const fromFull = stepFrom(roundTrip(full, params), candles, params, stopAt);
        // The trimmed node is re-fed the warm-up candles first: it repeats what it said for those.
        const fromTrimmed = stepFrom(roundTrip(trimmed, params), candles, params, stopAt - replayed);
        const after = (column: Float64Array) => column.subarray(stopAt);
        expect(after(fromFull.probability).some((p) => !Number.isNaN(p))).toBe(true);
        expect(firstDifference(after(fromFull.probability), after(fromTrimmed.probability))).toBe(-1);
        expect(firstDifference(after(fromFull.confidence), after(fromTrimmed.confidence))).toBe(-1);
        const sinceWarmUp = (column: Float64Array) => column.subarray(stopAt - replayed);
        expect(
          firstDifference(sinceWarmUp(uninterrupted.probability), sinceWarmUp(fromTrimmed.probability)),
        ).toBe(-1);
        expect(
          firstDifference(sinceWarmUp(uninterrupted.confidence), sinceWarmUp(fromTrimmed.confidence)),
        ).toBe(-1);
      });
    }
  }

  test("a node restored from a trimmed snapshot can be trimmed and restored again (two restarts)", () => {
    const params = mlPredictorNode.params.parse({ ...FAST, model: "randomForest" });
    const uninterrupted = runPredictor(candles, params);
    const first = roundTrip(
      serializePredictor(runPredictor(sliceCandles(candles, 0, stopAt), params).state, {
        keepPredictions: replayed,
      }),
      params,
    );
    const secondStop = 1290;
    stepFrom(first, sliceCandles(candles, 0, secondStop), params, stopAt);
    const second = roundTrip(serializePredictor(first, { keepPredictions: replayed }), params);
    expect(second.trainer.close.first).toBeGreaterThan(first.trainer.close.first);
    const resumed = stepFrom(second, candles, params, secondStop - replayed);
    const tail = (column: Float64Array) => column.subarray(secondStop - replayed);
    expect(firstDifference(tail(uninterrupted.probability), tail(resumed.probability))).toBe(-1);
    expect(firstDifference(tail(uninterrupted.confidence), tail(resumed.confidence))).toBe(-1);
  });

  test("an expanding window below its limit keeps its whole history and still predicts identically", () => {
    const params = mlPredictorNode.params.parse({ ...FAST, model: "logistic", window: "expanding" });
    const uninterrupted = runPredictor(candles, params);
    const partial = runPredictor(sliceCandles(candles, 0, stopAt), params).state;
    const trimmed = serializePredictor(partial, { keepPredictions: replayed });
    expect(trimmed.historyFrom).toBe(0);
    const resumed = stepFrom(roundTrip(trimmed, params), candles, params, stopAt);
    const tail = (column: Float64Array) => column.subarray(stopAt);
    expect(firstDifference(tail(uninterrupted.probability), tail(resumed.probability))).toBe(-1);
  });

  test("a rolling window's trimmed snapshot is the same size at 5,000 and 10,000 bars", () => {
    const params = mlPredictorNode.params.parse({ ...FAST, model: "logistic" });
    const long = btcCandles(10_000);
    const snapshotAt = (bars: number) => {
      const state = runPredictor(sliceCandles(long, 0, bars), params).state;
      return {
        full: serializePredictor(state),
        trimmed: serializePredictor(state, { keepPredictions: 500 }),
      };
    };
    const at5k = snapshotAt(5_000);
    const at10k = snapshotAt(10_000);
    // Window (300 usable rows) plus the horizon's unlabelled rows, and the predictions a warm-up replays.
    for (const key of ["rows", "close", "time", "probability", "confidence", "predictedClass"] as const) {
      expect(at10k.trimmed[key].length).toBe(at5k.trimmed[key].length);
    }
    expect(at10k.trimmed.close.length).toBeLessThanOrEqual(FAST.trainBars! + 4);
    expect(at10k.trimmed.time.length).toBe(500);
    // Only the per-window report rows (one per retrain) keep growing, and they are small.
    const withoutWindows = (s: PredictorSnapshot) => JSON.stringify({ ...s, windows: [] }).length;
    const growth = withoutWindows(at10k.trimmed) / withoutWindows(at5k.trimmed);
    expect(growth).toBeGreaterThan(0.95);
    expect(growth).toBeLessThan(1.05);
    expect(JSON.stringify(at10k.trimmed).length).toBeLessThan(JSON.stringify(at10k.full).length / 5);
  });
});

describe("expanding window limit", () => {
  test("an expanding window trains on at most EXPANDING_WINDOW_LIMIT rows, the newest ones", () => {
    const spec: WalkForwardSpec = {
      kind: "logistic",
      task: "direction",
      horizon: 2,
      neutralBand: 0,
      window: "expanding",
      trainBars: 100,
      retrainEvery: 10,
      settings: { seed: 1, trees: 1, treeDepth: 1, learningRate: 0.1, iterations: 1 },
    };
    const state = createWalkForward(spec, 1);
    const bars = EXPANDING_WINDOW_LIMIT + 500;
    for (let i = 0; i < bars; i++) {
      state.rows.push(Math.sin(i));
      state.close.push(100 + Math.sin(i / 7));
    }
    const rows = trainingRows(state, bars - 1);
    expect(rows.length).toBe(EXPANDING_WINDOW_LIMIT);
    expect(rows.at(-1)).toBe(bars - 1 - spec.horizon);
    expect(rows[0]).toBe(bars - spec.horizon - EXPANDING_WINDOW_LIMIT);
  });
});
