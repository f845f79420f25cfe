import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { maxDrawdownGate } from "../../risk/max-drawdown/definition.ts";
import { percentEquitySizeNode } from "../size-percent-equity/definition.ts";
import { stopLossNode } from "../stop-loss/definition.ts";
import { takeProfitNode } from "../take-profit/definition.ts";
import { enterLongNode } from "./definition.ts";

const candles = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 60_000, 61_000);
// Condition: a green candle (close above open) on real data.
const green = candles.close.map((c, i) => (c > candles.open[i]! ? 1 : 0));
const risk = runNode(maxDrawdownGate, {}, {}, { length: 0, nodeId: "gate" }).out.risk;
const stop = runNode(stopLossNode, { percent: 1.5 }, {}, { length: 0, nodeId: "stop" }).out.rule;
const target = runNode(takeProfitNode, { percent: 3, minRewardRisk: 0 }, {}, { length: 0, nodeId: "target" })
  .out.rule;
const size = runNode(percentEquitySizeNode, { percent: 10 }, {}, { length: 0, nodeId: "size" }).out.size;

describe("enter long", () => {
  it("emits one market entry per bar where the condition is true, at that bar's close", () => {
    const run = runNode(
      enterLongNode,
      {},
      { when: green, risk, exits: [stop, target], size },
      { candles, nodeId: "long" },
    );
    const bars = [...green.keys()].filter((i) => green[i] === 1);
    expect(bars.length).toBeGreaterThan(400);
    expect(run.intents.map((x) => x.barIndex)).toEqual(bars);
    const i = bars[7]!;
    expect(run.intents[7]).toEqual({
      nodeId: "long",
      action: "enterLong",
      orderType: "market",
      price: undefined,
      barIndex: i,
      time: candles.time[i],
      referencePrice: candles.close[i],
      exits: [
        { kind: "stopLoss", percent: 0.015 },
        { kind: "takeProfit", percent: 0.03 },
      ],
      sizing: { mode: "percentEquity", percent: 0.1 },
      riskGates: risk.gates,
    });
  });

  it("places a limit order below the close by the offset", () => {
    const run = runNode(
      enterLongNode,
      { orderType: "limit", limitOffsetPercent: 0.5 },
      { when: green, risk, exits: [] },
      { candles },
    );
    const first = run.intents[0]!;
    expect(first.orderType).toBe("limit");
    expect(first.price).toBe(candles.close[first.barIndex]! * 0.995);
    expect(first.sizing).toBeNull();
  });

  it("emits nothing while the condition is not ready (NaN)", () => {
    const notReady = new Float64Array(candles.close.length).fill(Number.NaN);
    expect(runNode(enterLongNode, {}, { when: notReady, risk, exits: [] }, { candles }).intents).toEqual([]);
  });
});
