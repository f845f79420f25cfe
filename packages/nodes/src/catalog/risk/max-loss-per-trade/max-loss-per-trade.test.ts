import { describe, expect, it } from "vitest";
import { loadBundledCandles } from "../../../testing/load-candles.ts";
import { gateOf, proposeLong } from "../../../testing/order-harness.ts";
import { flatAccount } from "../../../testing/run-node.ts";
import { maxLossPerTradeGate } from "./definition.ts";

const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz", 50_000);
const i = 45_000;
const price = btc.close[i]!;

describe("max loss per trade gate", () => {
  const gate = gateOf(maxLossPerTradeGate, { maxLossPercent: 1 });

  it("caps the quantity so a stop-out (plus both fees) loses 1% of equity", () => {
    const stop = btc.low[i - 1]!; // a real nearby level below the close
    const verdict = gate.check(proposeLong(btc, i, 1, { stopPrice: stop }), flatAccount(), i);
    const lossPerUnit = price - stop + 2 * price * 0.001;
    expect(verdict).toEqual({ allowed: true, maxQuantity: 100 / lossPerUnit });
  });

  it("lets a small entry through", () => {
    const verdict = gate.check(proposeLong(btc, i, 0.0001, { stopPrice: price * 0.98 }), flatAccount(), i);
    expect(verdict).toEqual({ allowed: true });
  });

  it("refuses an entry without a stop-loss", () => {
    expect(gate.check(proposeLong(btc, i, 0.01), flatAccount(), i)).toEqual({
      allowed: false,
      reason: "the entry has no stop-loss, so its loss is not bounded",
    });
  });
});
