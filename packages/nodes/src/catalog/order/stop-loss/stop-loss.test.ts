import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { stopLossNode } from "./definition.ts";

const candles = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 20_000, 20_300);
// A volatility in price units: the bar's high − low (real ranges).
const range = candles.high.map((h, i) => (i < 5 ? Number.NaN : h - candles.low[i]!));

describe("stop-loss", () => {
  it("as a percent: the same rule on every bar, as a fraction", () => {
    const rule = runNode(stopLossNode, { percent: 2.5 }, {}, { length: 0 }).out.rule;
    expect(rule.ruleAt(0)).toEqual({ kind: "stopLoss", percent: 0.025 });
    expect(rule.ruleAt(299)).toEqual({ kind: "stopLoss", percent: 0.025 });
  });

  it("as an ATR multiple: k × the volatility at the signal bar, null while not ready", () => {
    const rule = runNode(stopLossNode, { mode: "atr", atrMultiple: 1.5 }, { atr: range }).out.rule;
    expect(rule.ruleAt(3)).toBeNull();
    for (const i of [5, 100, 299])
      expect(rule.ruleAt(i)).toEqual({ kind: "stopLoss", distance: 1.5 * range[i]! });
  });

  it("asks for the ATR input when the mode needs it", () => {
    const problems = stopLossNode.checkWiring!(stopLossNode.params.parse({ mode: "atr" }), new Set());
    expect(problems).toEqual([expect.objectContaining({ port: "atr" })]);
    expect(stopLossNode.checkWiring!(stopLossNode.params.parse({}), new Set())).toEqual([]);
  });
});
