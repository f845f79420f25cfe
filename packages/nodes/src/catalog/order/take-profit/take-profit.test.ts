import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { takeProfitNode } from "./definition.ts";

const candles = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 20_000, 20_300);
const range = candles.high.map((h, i) => h - candles.low[i]!);

describe("take-profit", () => {
  it("carries the minimum reward:risk with the distance", () => {
    const rule = runNode(takeProfitNode, { percent: 4, minRewardRisk: 2 }, {}, { length: 0 }).out.rule;
    expect(rule.ruleAt(10)).toEqual({ kind: "takeProfit", percent: 0.04, minRewardRisk: 2 });
  });

  it("omits the reward:risk floor when it is 0, and reads the ATR at the signal bar", () => {
    const rule = runNode(takeProfitNode, { mode: "atr", atrMultiple: 3, minRewardRisk: 0 }, { atr: range })
      .out.rule;
    expect(rule.ruleAt(42)).toEqual({ kind: "takeProfit", distance: 3 * range[42]! });
  });
});
