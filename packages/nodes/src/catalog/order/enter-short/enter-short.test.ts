import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { dailyLossLimitGate } from "../../risk/daily-loss-limit/definition.ts";
import { enterShortNode } from "./definition.ts";

const candles = sliceCandles(loadBundledCandles("binance_ETHUSDT_1h.csv.gz"), 50_000, 51_000);
const red = candles.close.map((c, i) => (c < candles.open[i]! ? 1 : 0));
const risk = runNode(dailyLossLimitGate, {}, {}, { length: 0, nodeId: "daily" }).out.risk;

describe("enter short", () => {
  it("emits a short entry on each red candle, with a limit above the close", () => {
    const run = runNode(
      enterShortNode,
      { orderType: "limit", limitOffsetPercent: 0.2 },
      { when: red, risk, exits: [] },
      { candles, nodeId: "short" },
    );
    const bars = [...red.keys()].filter((i) => red[i] === 1);
    expect(run.intents.map((x) => x.barIndex)).toEqual(bars);
    for (const intent of run.intents) {
      expect(intent.action).toBe("enterShort");
      expect(intent.price).toBe(candles.close[intent.barIndex]! * 1.002);
      expect(intent.riskGates.map((g) => g.nodeId)).toEqual(["daily"]);
    }
  });
});
