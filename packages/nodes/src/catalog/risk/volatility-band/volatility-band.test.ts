import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { gateOf, proposeLong } from "../../../testing/order-harness.ts";
import { flatAccount, runNode, sliceCandles } from "../../../testing/run-node.ts";
import { volatilityBandGate } from "./definition.ts";

const btc = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 30_000, 30_500);
// Volatility as the bar's range in % of its close, a real per-bar measure.
const rangePercent = btc.close.map((c, i) => ((btc.high[i]! - btc.low[i]!) / c) * 100);

describe("volatility band filter gate", () => {
  it("judges with the value read at the latest stepped bar", () => {
    for (const bars of [10, 100, 499]) {
      const gate = gateOf(
        volatilityBandGate,
        { min: 0.5, max: 1.5 },
        { volatility: rangePercent },
        { length: bars },
      );
      const v = rangePercent[bars - 1]!;
      const verdict = gate.check(proposeLong(btc, bars - 1, 0.01), flatAccount(), bars - 1);
      expect(verdict.allowed, `range ${v}%`).toBe(v >= 0.5 && v <= 1.5);
    }
  });

  it("refuses while the volatility is not ready", () => {
    const gate = gateOf(
      volatilityBandGate,
      {},
      { volatility: new Float64Array(5).fill(Number.NaN) },
      { length: 5 },
    );
    expect(gate.check(proposeLong(btc, 4, 0.01), flatAccount(), 4)).toEqual({
      allowed: false,
      reason: "volatility is not ready yet",
    });
  });

  it("appends itself to the upstream chain, which stays frozen", () => {
    const upstream = runNode(volatilityBandGate, {}, { volatility: rangePercent }, { nodeId: "first" }).out
      .risk;
    const chain = runNode(
      volatilityBandGate,
      {},
      { volatility: rangePercent, risk: upstream },
      { nodeId: "second" },
    ).out.risk;
    expect(chain.gates.map((g) => g.nodeId)).toEqual(["first", "second"]);
    expect(upstream.gates.map((g) => g.nodeId)).toEqual(["first"]);
    expect(Object.isFrozen(chain.gates)).toBe(true);
  });
});
