import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { runNode, sliceCandles } from "../../../testing/run-node.ts";
import { exitNode } from "./definition.ts";

const candles = sliceCandles(loadBundledCandles("binance_SOLUSDT_1h.csv.gz"), 10_000, 10_500);
// Exit when the close drops more than 1% in one bar (real SOL moves).
const drop = candles.close.map((c, i) => (i === 0 ? Number.NaN : c < candles.close[i - 1]! * 0.99 ? 1 : 0));

describe("exit", () => {
  it("emits a market exit for the chosen side on each true bar, with no gates when none are connected", () => {
    const run = runNode(exitNode, { side: "short" }, { when: drop }, { candles, nodeId: "exit" });
    const bars = [...drop.keys()].filter((i) => drop[i] === 1);
    expect(bars.length).toBeGreaterThan(5);
    expect(run.intents.map((x) => x.barIndex)).toEqual(bars);
    expect(
      run.intents.every((x) => x.action === "exit" && x.exitSide === "short" && x.orderType === "market"),
    ).toBe(true);
    expect(run.intents.every((x) => x.riskGates.length === 0 && x.sizing === null)).toBe(true);
  });
});
