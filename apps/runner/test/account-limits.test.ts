import { candleAt } from "@tradegraph/market-data";
import type { CandleColumns } from "@tradegraph/nodes";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRunCandles } from "../src/backtests/load-candles.ts";
import type { AccountLimits } from "../src/deployments/account-limits.ts";
import type { BreakerLimits } from "../src/deployments/circuit-breakers.ts";
import { clientOrderId, MAX_CLIENT_ORDER_ID_LENGTH } from "../src/deployments/client-order-id.ts";
import { type DeploymentEvent, DeploymentLoop } from "../src/deployments/deployment-loop.ts";
import { exampleGraph, storedSettings, YEAR_2024 } from "./helpers/runs.ts";

const HOUR = 3_600_000;

function replay(candles: CandleColumns, limits: AccountLimits, breakers: BreakerLimits = {}) {
  const loop = new DeploymentLoop({
    mode: "paper",
    graph: exampleGraph("rsi-mean-reversion"),
    symbols: ["BTC/USDT"],
    timeframeMs: HOUR,
    limits,
    breakers,
  });
  const events: DeploymentEvent[] = [];
  for (let i = 0; i < candles.time.length; i++) {
    events.push(...loop.onClosedCandle("BTC/USDT", candleAt(candles, i)));
  }
  return { loop, events, denied: events.filter((e) => e.kind === "denied") };
}

describe("account hard limits in the deployment loop (2024 BTC/USDT 1h, RSI mean reversion)", () => {
  let candles: CandleColumns;
  beforeAll(async () => {
    candles = (await loadRunCandles(null, storedSettings(YEAR_2024)))["BTC/USDT"]!;
  });

  it("kill switch: no entry at all, every attempt denied with the reason", () => {
    const free = replay(candles, {});
    const killed = replay(candles, { killSwitch: true });
    expect(free.loop.trades.length).toBeGreaterThan(0);
    expect(killed.loop.trades).toHaveLength(0);
    expect(killed.denied.length).toBeGreaterThanOrEqual(free.loop.trades.length);
    expect(killed.denied[0]).toMatchObject({
      symbol: "BTC/USDT",
      reason: "kill switch is on: no new entries",
    });
  });

  it("max notional per order below the sizing denies entries and names the limit", () => {
    const limited = replay(candles, { maxNotionalPerOrder: 100 });
    expect(limited.loop.trades).toHaveLength(0);
    expect(limited.denied[0]?.kind === "denied" && limited.denied[0].reason).toMatch(
      /above the max notional per order 100$/,
    );
  });

  it("minimum time between orders spaces the entries out", () => {
    const free = replay(candles, {});
    const week = 7 * 24 * HOUR;
    const spaced = replay(candles, { minMsBetweenOrders: week });
    const entries = spaced.loop.trades.map((t) => t.entryTime);
    for (let k = 1; k < entries.length; k++)
      expect(entries[k]! - entries[k - 1]!).toBeGreaterThanOrEqual(week);
    expect(spaced.loop.trades.length).toBeLessThan(free.loop.trades.length);
    expect(spaced.denied.length).toBeGreaterThan(0);
  });

  it("a drawdown breaker halts the deployment once, says why, and no entry is placed afterwards", () => {
    const free = replay(candles, {});
    const run = replay(candles, {}, { maxDrawdownPct: 3 });
    const halts = run.events.filter((e) => e.kind === "halted");
    expect(halts).toHaveLength(1);
    const halt = halts[0]!;
    expect(halt.kind === "halted" && halt.reason).toMatch(
      /^drawdown \d+\.\d+% from the peak \d+\.\d+ reached the limit of 3%$/,
    );
    expect(run.loop.haltReason).not.toBeNull();
    // An entry already waiting may still fill at the next open; nothing is entered later than that.
    for (const trade of run.loop.trades) expect(trade.entryTime).toBeLessThanOrEqual(halt.time + HOUR);
    expect(free.loop.trades.some((t) => t.entryTime > halt.time + HOUR)).toBe(true);
  });

  it("testnet and live refuse to start without an exchange broker", () => {
    expect(
      () =>
        new DeploymentLoop({
          mode: "live",
          graph: exampleGraph("sma-crossover"),
          symbols: ["BTC/USDT"],
          timeframeMs: HOUR,
        }),
    ).toThrow("A live deployment needs an exchange broker (ccxt); none was given.");
  });
});

describe("client order ids", () => {
  it("are deterministic per deployment, bar and intent node, distinct otherwise, within Binance's 36 chars", () => {
    const id = clientOrderId("dep-1", 1_704_067_200_000, "enter");
    expect(clientOrderId("dep-1", 1_704_067_200_000, "enter")).toBe(id);
    expect(id.length).toBeLessThanOrEqual(MAX_CLIENT_ORDER_ID_LENGTH);
    expect(id).toMatch(/^[.A-Z:/a-z0-9_-]+$/);
    const others = [
      clientOrderId("dep-2", 1_704_067_200_000, "enter"),
      clientOrderId("dep-1", 1_704_070_800_000, "enter"),
      clientOrderId("dep-1", 1_704_067_200_000, "exit"),
    ];
    expect(new Set([id, ...others]).size).toBe(4);
  });
});
