import { readdirSync } from "node:fs";
import { runBacktest } from "@tradegraph/engine";
import { candleAt } from "@tradegraph/market-data";
import type { CandleColumns } from "@tradegraph/nodes";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRunCandles } from "../src/backtests/load-candles.ts";
import { DeploymentLoop } from "../src/deployments/deployment-loop.ts";
import { exampleGraph, examplesDir, storedSettings, YEAR_2024 } from "./helpers/runs.ts";

const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""));
const HOUR = 3_600_000;

describe("backtest/live parity: replaying candles through the paper deployment loop", () => {
  let candles: CandleColumns;
  const stored = storedSettings(YEAR_2024);
  beforeAll(async () => {
    candles = (await loadRunCandles(null, stored))["BTC/USDT"]!;
  });

  it("covers every example strategy", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)("%s: same trades as the backtest on 2024 BTC/USDT 1h candles", (name) => {
    const graph = exampleGraph(name);
    const backtest = runBacktest({ candles: { "BTC/USDT": candles }, graph, settings: stored.settings });
    const loop = new DeploymentLoop({
      mode: "paper",
      graph,
      symbols: ["BTC/USDT"],
      timeframeMs: HOUR,
      settings: stored.settings,
    });
    let tradeEvents = 0;
    for (let i = 0; i < candles.time.length; i++) {
      const candle = candleAt(candles, i);
      tradeEvents += loop.onClosedCandle("BTC/USDT", candle).filter((e) => e.kind === "trade").length;
      // The same candle delivered twice (reconnect) changes nothing.
      expect(loop.onClosedCandle("BTC/USDT", candle)).toEqual([]);
    }
    tradeEvents += loop.stop(stored.settings.closeAtEnd).filter((e) => e.kind === "trade").length;
    expect(backtest.trades.length).toBeGreaterThan(0);
    expect(loop.trades).toEqual(backtest.trades);
    expect(tradeEvents).toBe(backtest.trades.length);
    expect(loop.equity).toBe(backtest.equity.at(-1));
  });
});
