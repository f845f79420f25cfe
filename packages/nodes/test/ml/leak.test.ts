import { describe, expect, test, vi } from "vitest";
import type { PredictorParams } from "../../src/catalog/ml/predictor/params.ts";
import type { CandleColumns } from "../../src/runtime-types.ts";
import { btcCandles, FAST, firstDifference, MODEL_TYPES, runPredictor } from "./helpers.ts";

// Walk-forward training on real candles takes seconds under a busy CI machine; never a timing assertion.
vi.setConfig({ testTimeout: 120_000 });

/** Copy of the candles with every candle after bar t scaled (a different future, same past). */
function perturbAfter(candles: CandleColumns, t: number, factor: number): CandleColumns {
  const copy = {
    time: candles.time.slice(),
    open: candles.open.slice(),
    high: candles.high.slice(),
    low: candles.low.slice(),
    close: candles.close.slice(),
    volume: candles.volume.slice(),
  };
  for (let i = t + 1; i < copy.close.length; i++) {
    // Alternate up and down moves so later returns, ranges and volumes all change, not just the level.
    const f = i % 2 === 0 ? factor : 1 / factor;
    copy.open[i] = copy.open[i]! * f;
    copy.high[i] = copy.high[i]! * f * 1.01;
    copy.low[i] = copy.low[i]! * f;
    copy.close[i] = copy.close[i]! * f;
    copy.volume[i] = copy.volume[i]! * 3;
  }
  return copy;
}

describe("no look-ahead: changing candles after bar t never changes an output at or before t", () => {
  const candles = btcCandles(1400);
  const cuts = [350, 613, 900, 1250];
  const cases: Partial<PredictorParams>[] = [
    ...MODEL_TYPES.map((model) => ({ model, target: "direction" as const })),
    ...MODEL_TYPES.map((model) => ({ model, target: "return" as const })),
    { model: "gradientBoosting" as const, target: "direction" as const, neutralBand: 0.003 },
    { model: "randomForest" as const, target: "direction" as const, window: "expanding" as const },
  ];

  for (const params of cases) {
    test(`${params.model} ${params.target}${params.neutralBand ? " with neutral band" : ""}${params.window ? ` ${params.window}` : ""}`, () => {
      const reference = runPredictor(candles, { ...FAST, horizon: 6, ...params });
      for (const t of cuts) {
        const perturbed = runPredictor(perturbAfter(candles, t, 1.07), { ...FAST, horizon: 6, ...params });
        expect(
          firstDifference(reference.probability, perturbed.probability, t + 1),
          `probability, cut ${t}`,
        ).toBe(-1);
        expect(
          firstDifference(reference.confidence, perturbed.confidence, t + 1),
          `confidence, cut ${t}`,
        ).toBe(-1);
        // The perturbation does reach the node: some later output differs, so the check above can fail.
        expect(firstDifference(reference.probability, perturbed.probability), `cut ${t}`).toBeGreaterThan(t);
      }
    });
  }
});
