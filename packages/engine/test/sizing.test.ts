/** Kelly sizing from the run's closed trades. */
import { describe, expect, it } from "vitest";
import { Ledger } from "../src/ledger.ts";
import type { Trade } from "../src/results-types.ts";
import { kellyFraction, sizeOrder } from "../src/sizing.ts";

function ledgerWith(wins: number[], losses: number[]): Ledger {
  const ledger = new Ledger(10_000, 100);
  for (const pnl of [...wins, ...losses]) ledger.trades.push({ pnl } as Trade);
  ledger.winningTrades = wins.length;
  ledger.grossProfit = wins.reduce((s, x) => s + x, 0);
  ledger.grossLoss = -losses.reduce((s, x) => s + x, 0);
  return ledger;
}

describe("Kelly sizing", () => {
  const spec = {
    mode: "kelly",
    fraction: 0.5,
    maxPercent: 0.25,
    minTrades: 10,
    fallbackPercent: 0.05,
  } as const;

  it("uses W − (1 − W) / R from closed trades, scaled and capped", () => {
    // 6 wins of 100, 4 losses of 50: W = 0.6, R = 100 / 50 = 2 → Kelly 0.6 − 0.4 / 2 = 0.4; half = 0.2
    const ledger = ledgerWith([100, 100, 100, 100, 100, 100], [-50, -50, -50, -50]);
    expect(kellyFraction(spec, ledger)).toBeCloseTo(0.2, 12);
    expect(kellyFraction({ ...spec, fraction: 1 }, ledger)).toBeCloseTo(0.25, 12); // capped at 25%
    const inputs = {
      equity: 10_000,
      buyingPower: 10_000,
      referencePrice: 50,
      stopPrice: Number.NaN,
      feeRate: 0.001,
      slippageFraction: 0,
    };
    expect(sizeOrder(spec, inputs, ledger)).toBeCloseTo((0.2 * 10_000) / 50, 12);
  });

  it("falls back until enough trades exist, and never goes negative", () => {
    expect(kellyFraction(spec, ledgerWith([100, 100], [-50]))).toBe(0.05);
    // 3 wins of 10, 7 losses of 50: Kelly 0.3 − 0.7 / 0.2 < 0 → 0
    expect(kellyFraction(spec, ledgerWith([10, 10, 10], [-50, -50, -50, -50, -50, -50, -50]))).toBe(0);
  });
});
