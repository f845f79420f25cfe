/** Market rules from ccxt market info, and leverage. */
import { describe, expect, it } from "vitest";
import { floorToStep, marketRulesFromCcxt, roundPriceAdverse } from "../src/market-rules.ts";
import { runBacktest } from "../src/run-backtest.ts";
import { scripted, slice } from "./helpers.ts";

describe("market rules", () => {
  it("reads tick, lot, minimum quantity and notional from a ccxt market (Binance BTC/USDT shape)", () => {
    const rules = marketRulesFromCcxt({
      precision: { price: 0.01, amount: 0.00001 },
      limits: { amount: { min: 0.00001 }, cost: { min: 5 } },
    });
    expect(rules).toEqual({ tickSize: 0.01, lotSize: 0.00001, minQuantity: 0.00001, minNotional: 5 });
    expect(marketRulesFromCcxt({})).toEqual({ tickSize: 0, lotSize: 0, minQuantity: 0, minNotional: 0 });
  });

  it("floors quantities to the lot and rounds prices against the trader", () => {
    expect(floorToStep(0.0012345, 0.00001)).toBeCloseTo(0.00123, 12);
    expect(floorToStep(0.3, 0.1)).toBeCloseTo(0.3, 12); // not 0.2 from 0.3 / 0.1 = 2.9999…
    expect(roundPriceAdverse(49000.123, 0.01, true)).toBeCloseTo(49000.13, 9);
    expect(roundPriceAdverse(49000.123, 0.01, false)).toBeCloseTo(49000.12, 9);
  });
});

describe("leverage", () => {
  it("lets an all-in long use twice the equity at 2× and marks the borrowed cash", () => {
    const candles = { "BTC/USDT": slice("binance_BTCUSDT_1h.csv.gz", 0, 10) };
    const result = runBacktest({
      candles,
      createStrategy: scripted({ 0: [{ action: "enterLong" }], 3: [{ action: "exit" }] }),
      settings: { leverage: 2 },
    });
    const trade = result.trades[0]!;
    // 2 × 10,000 of buying power at bar 1's open 13528.99, fee included
    expect(trade.quantity).toBeCloseTo(20_000 / (13528.99 * 1.001), 9);
    // the loss doubles too: q × (13434.98 − 13528.99) − fees
    const q = trade.quantity;
    expect(trade.pnl).toBeCloseTo(q * (13434.98 - 13528.99) - 0.001 * q * (13528.99 + 13434.98), 9);
    expect(result.metrics.finalEquity).toBeCloseTo(10_000 + trade.pnl, 9);
  });
});
