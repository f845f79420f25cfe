/** The risk stage: sizing from the stop distance, gate caps and denials logged with the gate. */
import type { RiskGate } from "@tradegraph/nodes";
import { describe, expect, it } from "vitest";
import { runBacktest } from "../src/run-backtest.ts";
import { scripted, slice } from "./helpers.ts";

const candles = { "BTC/USDT": slice("binance_BTCUSDT_1h.csv.gz", 0, 10) };
const stop2 = { kind: "stopLoss", percent: 0.02 } as const;

describe("risk stage", () => {
  it("sizes risk-per-trade from the stop distance at the signal close", () => {
    const result = runBacktest({
      candles,
      createStrategy: scripted({
        0: [{ action: "enterLong", sizing: { mode: "riskPerTrade", riskPercent: 0.01 }, exits: [stop2] }],
      }),
    });
    // 1% of 10,000 = 100 at risk; stop distance 2% of bar 0's close 13529.01 = 270.5802 → 0.369576… BTC
    expect(result.trades[0]!.quantity).toBeCloseTo(100 / 270.5802, 12);
  });

  it("caps the quantity when a gate returns a maximum", () => {
    const quarter: RiskGate = {
      nodeId: "cap",
      title: "Max position size",
      check: (order, account) => ({
        allowed: true,
        maxQuantity: (0.25 * account.equity) / order.referencePrice,
      }),
    };
    const result = runBacktest({
      candles,
      createStrategy: scripted({ 0: [{ action: "enterLong", riskGates: [quarter] }] }),
    });
    // 25% of 10,000 at bar 0's close 13529.01
    expect(result.trades[0]!.quantity).toBeCloseTo(2_500 / 13529.01, 12);
  });

  it("denies with the gate's id and reason, and later gates are not asked", () => {
    let asked = 0;
    const closed: RiskGate = {
      nodeId: "hours",
      title: "Allowed trading hours",
      check: () => ({ allowed: false, reason: "00:00 UTC is outside 08:00–20:00" }),
    };
    const never: RiskGate = {
      nodeId: "after",
      title: "After",
      check: () => {
        asked++;
        return { allowed: true };
      },
    };
    const result = runBacktest({
      candles,
      createStrategy: scripted({ 0: [{ action: "enterLong", riskGates: [closed, never] }] }),
    });
    expect(result.trades).toHaveLength(0);
    expect(asked).toBe(0);
    const denied = result.orders.find((o) => o.kind === "denied")!;
    expect(denied.gateNodeId).toBe("hours");
    expect(denied.reason).toBe("Allowed trading hours: 00:00 UTC is outside 08:00–20:00");
    expect(result.metrics.deniedOrders).toBe(1);
  });

  it("refuses risk-per-trade sizing without a stop-loss", () => {
    const result = runBacktest({
      candles,
      createStrategy: scripted({
        0: [{ action: "enterLong", sizing: { mode: "riskPerTrade", riskPercent: 0.01 } }],
      }),
    });
    expect(result.trades).toHaveLength(0);
    expect(result.orders[0]!.reason).toBe("risk-per-trade sizing needs a stop-loss on the entry");
  });
});
