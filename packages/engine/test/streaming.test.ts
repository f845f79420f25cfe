/** The live runner's path: one closed candle at a time through the same session gives the batch result. */
import { readFileSync } from "node:fs";
import { backtestSettingsSchema } from "@tradegraph/contracts";
import { describe, expect, it } from "vitest";
import { compileGraph, planStrategy } from "../src/plan-strategy.ts";
import { runBacktest } from "../src/run-backtest.ts";
import { TradingSession } from "../src/session.ts";
import { slice } from "./helpers.ts";

const graph = JSON.parse(
  readFileSync(new URL("../../../examples/atr-trailing-stop.json", import.meta.url), "utf8"),
);
const candles = slice("binance_ETHUSDT_1h.csv.gz", 30_000, 36_000);

describe("streaming session", () => {
  it("pushCandle bar by bar reproduces the batch backtest's trades and orders exactly", () => {
    const plan = compileGraph(graph);
    const settings = backtestSettingsSchema.parse({ closeAtEnd: false, slippage: { mode: "bps", bps: 3 } });
    const batch = runBacktest({ plan, candles: { "ETH/USDT": candles }, settings });
    expect(batch.trades.length).toBeGreaterThan(10);

    const session = new TradingSession({
      symbols: ["ETH/USDT"],
      timeframeMs: 3_600_000,
      settings,
      createStrategy: planStrategy(plan),
    });
    const equity: number[] = [];
    for (let i = 0; i < candles.time.length; i++) {
      session.pushCandle(0, {
        time: candles.time[i]!,
        open: candles.open[i]!,
        high: candles.high[i]!,
        low: candles.low[i]!,
        close: candles.close[i]!,
        volume: candles.volume[i]!,
      });
      equity.push(session.portfolio.equity());
    }
    expect(session.portfolio.ledger.trades).toEqual(batch.trades);
    expect(session.portfolio.ledger.orderLog).toEqual(batch.orders);
    expect(equity).toEqual(Array.from(batch.equity));
  });
});
