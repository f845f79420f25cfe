import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { trailingStopNode } from "./definition.ts";

const candles = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 20_000, 20_300);
const range = candles.high.map((h, i) => h - candles.low[i]!);

describe("trailing stop", () => {
  it("gives the broker a source to re-read the ATR distance on each bar the position is open", () => {
    const source = runNode(trailingStopNode, { mode: "atr", atrMultiple: 2 }, { atr: range }).out.rule;
    const rule = source.ruleAt(50);
    expect(rule).toEqual({ kind: "trailingStop", source, distance: 2 * range[50]! });
    if (rule?.kind !== "trailingStop") throw new Error("expected a trailing stop");
    expect(rule.source.ruleAt(51)).toEqual({ kind: "trailingStop", source, distance: 2 * range[51]! });
  });

  it("as a percent", () => {
    const source = runNode(trailingStopNode, { percent: 3 }, {}, { length: 0 }).out.rule;
    expect(source.ruleAt(0)).toEqual({ kind: "trailingStop", source, percent: 0.03 });
  });
});
