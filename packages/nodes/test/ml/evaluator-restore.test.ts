import { describe, expect, test, vi } from "vitest";
import {
  createEvaluator,
  GraphBuilder,
  type PlanEvaluator,
  predictorNodeIds,
  predictorStateOf,
  restorePredictorInto,
  serializePredictor,
} from "../../src/index.ts";
import type { CandleColumns } from "../../src/runtime-types.ts";
import { compileOrThrow } from "../../src/testing/run-graph.ts";
import { flatAccount } from "../../src/testing/run-node.ts";
import { btcCandles, FAST, firstDifference, MODEL_TYPES } from "./helpers.ts";

// Walk-forward training on real candles takes seconds under a busy CI machine; never a timing assertion.
vi.setConfig({ testTimeout: 120_000 });

/** Features with a finite memory (a warm-up over the last few dozen bars reproduces them exactly). */
function predictorGraphDoc(model: string) {
  const b = new GraphBuilder("predictor");
  b.add("data.candles", {}, {}, "candles");
  b.add("data.price", { field: "close" }, { candles: "candles.candles" }, "close");
  b.add("math.percentChange", { bars: 1 }, { source: "close.value" }, "change1");
  b.add("math.percentChange", { bars: 4 }, { source: "close.value" }, "change4");
  b.add("math.percentChange", { bars: 24 }, { source: "close.value" }, "change24");
  b.add(
    "ml.predictor",
    { ...FAST, model },
    { features: ["change1.value", "change4.value", "change24.value"], candles: "candles.candles" },
    "ml",
  );
  b.add("logic.compare", { operator: "<", value: 0.45 }, { a: "ml.probability" }, "bearish");
  b.add("order.exit", {}, { when: "bearish.result" }, "sell");
  return b.build();
}

const streaming = (plan: ReturnType<typeof compileOrThrow>) =>
  createEvaluator(plan, {
    symbol: "BTC/USDT",
    timeframeMs: 3_600_000,
    account: flatAccount(),
    emit: () => {},
  });

function pushRange(evaluator: PlanEvaluator, candles: CandleColumns, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    evaluator.push({
      time: candles.time[i]!,
      open: candles.open[i]!,
      high: candles.high[i]!,
      low: candles.low[i]!,
      close: candles.close[i]!,
      volume: candles.volume[i]!,
    });
  }
}

/** The restarted evaluator's P(up) by candle time, aligned to the uninterrupted run's bar indices. */
function alignedProbability(evaluator: PlanEvaluator, candles: CandleColumns): Float64Array {
  const column = evaluator.column("ml", "probability")!;
  const out = new Float64Array(candles.time.length).fill(Number.NaN);
  const first = candles.time.indexOf(evaluator.candles.time[0]!);
  for (let i = 0; i < evaluator.length; i++) out[first + i] = column[i]!;
  return out;
}

describe("a restarted runner restores the predictor into a fresh evaluator", () => {
  const candles = btcCandles(1600, 10_000);
  const stopAt = 1037; // between retrains (first training ~bar 330, then every 100 bars)

  for (const model of MODEL_TYPES) {
    test(`${model}: re-fed from the start or from a short warm-up, predictions equal an uninterrupted run`, () => {
      const plan = compileOrThrow(predictorGraphDoc(model));
      const uninterrupted = streaming(plan);
      pushRange(uninterrupted, candles, 0, candles.time.length);
      const expected = uninterrupted.column("ml", "probability")!.subarray(0, candles.time.length);

      const first = streaming(plan);
      pushRange(first, candles, 0, stopAt);
      const saved = JSON.stringify(serializePredictor(predictorStateOf(first, "ml")));
      const windowsBefore = predictorStateOf(first, "ml").trainer.windows.length;

      // Restart 1: warm-up re-feeds every stored candle, then live candles continue.
      const fromStart = streaming(plan);
      restorePredictorInto(fromStart, "ml", JSON.parse(saved));
      pushRange(fromStart, candles, 0, candles.time.length);
      expect(firstDifference(expected, alignedProbability(fromStart, candles))).toBe(-1);

      // Restart 2: warm-up of the last 100 stored candles only (enough for the 24-bar features).
      const shortWarmUp = streaming(plan);
      const restored = restorePredictorInto(shortWarmUp, "ml", JSON.parse(saved));
      expect(restored.trainer.windows.length).toBe(windowsBefore);
      pushRange(shortWarmUp, candles, stopAt - 100, candles.time.length);
      const resumed = alignedProbability(shortWarmUp, candles);
      expect(firstDifference(expected.subarray(stopAt - 100), resumed.subarray(stopAt - 100))).toBe(-1);
      // It kept training on schedule after the restart rather than starting over.
      expect(predictorStateOf(shortWarmUp, "ml").trainer.windows.length).toBeGreaterThan(windowsBefore + 4);
      expect(predictorStateOf(shortWarmUp, "ml").trainer.windows.slice(0, windowsBefore)).toEqual(
        JSON.parse(saved).windows,
      );
    });
  }

  test("node state access names what is wrong", () => {
    const plan = compileOrThrow(predictorGraphDoc("logistic"));
    expect(predictorNodeIds(plan)).toEqual(["ml"]);
    const evaluator = streaming(plan);
    expect(evaluator.nodeState("missing")).toBeUndefined();
    expect(evaluator.nodeState("change1")?.type).toBe("math.percentChange");
    expect(() => evaluator.replaceNodeState("missing", {})).toThrow(/"missing" is not in the plan/);
    expect(() => predictorStateOf(evaluator, "change1")).toThrow(/math.percentChange, not an ml.predictor/);
    const snapshot = serializePredictor(predictorStateOf(evaluator, "ml"));
    pushRange(evaluator, candles, 0, 1);
    expect(() => restorePredictorInto(evaluator, "ml", snapshot)).toThrow(/before the first bar/);
  });
});
