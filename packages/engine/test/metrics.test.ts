/** Metrics from hand-computed equity on real BTC/USDT candles (see docs/metrics.md for definitions). */
import { describe, expect, it } from "vitest";
import { computeMetrics, dailyReturns } from "../src/metrics.ts";
import { runBacktest } from "../src/run-backtest.ts";
import { scripted, slice } from "./helpers.ts";

describe("metrics of one hand-computed trade", () => {
  // 2018-01-01 00:00–09:00Z: buy 0.5 BTC at bar 1's open 13528.99, sell at bar 4's open 13434.98.
  const candles = { "BTC/USDT": slice("binance_BTCUSDT_1h.csv.gz", 0, 10) };
  const result = runBacktest({
    candles,
    createStrategy: scripted({
      0: [{ action: "enterLong", sizing: { mode: "fixedQuantity", quantity: 0.5 } }],
      3: [{ action: "exit" }],
    }),
  });
  const m = result.metrics;

  it("reports return, trade statistics and costs", () => {
    expect(m.totalReturn).toBeCloseTo(-60.486985 / 10_000, 12);
    expect(m.trades).toBe(1);
    expect(m.winRate).toBe(0);
    expect(m.profitFactor).toBe(0); // no gross profit
    expect(m.expectancy).toBeCloseTo(-60.486985, 9);
    expect(m.averageWin).toBeNull();
    expect(m.averageLoss).toBeCloseTo(-60.486985, 9);
    expect(m.feesPaid).toBeCloseTo(13.481985, 9);
    // in the market at the closes of bars 1, 2 and 3 of 10
    expect(m.exposureTime).toBeCloseTo(0.3, 12);
    expect(m.averageHoldingHours).toBe(3);
    // buy and hold: close 13616.99 at bar 9 over 13529.01 at bar 0
    expect(m.buyAndHoldReturn).toBeCloseTo(13616.99 / 13529.01 - 1, 12);
  });

  it("measures the drawdown from the equity at each close", () => {
    // cash after the buy: 10000 − 6764.495 − 6.764495 = 3228.740505; bar 1 close 13203.06 →
    // equity 3228.740505 + 6601.53 = 9830.270505, the lowest point (bar 2: 9893.830505, bar 3: 9933.755505).
    expect(result.equity[1]).toBeCloseTo(9830.270505, 9);
    expect(m.maxDrawdown).toBeCloseTo((10_000 - 9830.270505) / 10_000, 12);
    // never recovers 10,000: underwater from bar 0's close to bar 9's close, 9 hours
    expect(m.maxDrawdownDurationDays).toBeCloseTo(9 / 24, 12);
    expect(result.drawdown[1]).toBeCloseTo(m.maxDrawdown, 12);
    // 10 hourly bars are 10 / 8760 years
    expect(m.cagr).toBeCloseTo((1 - 60.486985 / 10_000) ** (8760 / 10) - 1, 9);
    expect(m.calmar).toBeCloseTo(m.cagr! / m.maxDrawdown, 9);
    // all in one UTC day: a single daily return, too few for Sharpe
    expect(m.sharpe).toBeNull();
  });
});

describe("Sharpe and Sortino from daily returns", () => {
  // Four UTC days of closes; daily returns: +1%, −1%, +2%, 0%.
  const day = 86_400_000;
  const time = Float64Array.from([0, 1, 2, 3], (d) => d * day);
  const equity = Float64Array.from([10_100, 9_999, 10_198.98, 10_198.98]);

  it("annualises mean / sample std with √365 (crypto) or √252", () => {
    const daily = dailyReturns(time, equity, 10_000);
    expect(daily.map((r) => Number(r.toFixed(12)))).toEqual([0.01, -0.01, 0.02, 0]);
    const base = {
      time,
      equity,
      inMarket: new Uint8Array(4),
      timeframeMs: day,
      initialEquity: 10_000,
      trades: [],
      buyAndHoldReturn: 0,
      feesPaid: 0,
      slippageCost: 0,
      ambiguousBars: 0,
      deniedOrders: 0,
    };
    // mean 0.005; deviations 0.005, −0.015, 0.015, −0.005 → squares sum 0.0005; sample std √(0.0005/3)
    const std = Math.sqrt(0.0005 / 3);
    const crypto = computeMetrics({ ...base, daysPerYear: 365 });
    expect(crypto.sharpe).toBeCloseTo((0.005 / std) * Math.sqrt(365), 6);
    // downside deviation √(0.01² / 4) = 0.005 → Sortino = 0.005 / 0.005 × √365
    expect(crypto.sortino).toBeCloseTo(Math.sqrt(365), 6);
    const stocks = computeMetrics({ ...base, daysPerYear: 252 });
    expect(stocks.sharpe).toBeCloseTo((0.005 / std) * Math.sqrt(252), 6);
    // 4 distinct trading days / 252
    expect(stocks.cagr).toBeCloseTo(1.019898 ** (252 / 4) - 1, 6);
  });
});
