import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../graph/builder.ts";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { compileOrThrow, runBatch } from "../../../testing/run-graph.ts";
import { sliceCandles } from "../../../testing/run-node.ts";

const candles = sliceCandles(loadBundledCandles("binance_BNBUSDT_1h.csv.gz"), 40_000, 40_200);

describe("candles", () => {
  it("outputs the run's own candle columns", () => {
    const b = new GraphBuilder();
    b.add("data.candles", {}, {}, "candles");
    b.add("data.price", { field: "volume" }, { candles: "candles.candles" }, "volume");
    b.add("logic.compare", { value: 1000 }, { a: "volume.value" }, "busy");
    b.add("risk.maxDrawdown", {}, {}, "gate");
    b.add("order.enterLong", {}, { when: "busy.result", risk: "gate.risk" }, "long");
    const { evaluator } = runBatch(compileOrThrow(b.build()), candles);
    for (const field of ["time", "open", "high", "low", "close", "volume"] as const) {
      expect(evaluator.column("candles", `candles.${field}`)).toBe(evaluator.candles[field]);
      expect(Array.from(evaluator.candles[field])).toEqual(Array.from(candles[field]));
    }
  });
});
