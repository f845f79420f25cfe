// A synthetic 1m market for stop/target tests: the SMA 20/50 crossover enters once near 101.15 and the
// price then stays at 102, so only wicks placed by the test reach the stop or the target.
import type { CandleColumns } from "@tradegraph/nodes";
import { MINUTE, start } from "./exchange-fixture.ts";
import { exampleGraph } from "./runs.ts";

export { MINUTE, start };
/** Candle index (from start − 200 min) of the first live candle; earlier ones are the warm-up history. */
export const LIVE_FROM = 200;
const BARS = 320;
export const STOP_PCT = 2;
export const TARGET_PCT = 2;
/** Where the crossover's market entry fills (the close of the signal candle). */
export const ENTRY_PRICE = 101.15;

/**
 * A market that falls from 110 to 100, rises 0.05 a minute to 102 (the 20/50 SMAs cross up near 101.15,
 * the entry) and then stays at 102, where neither the ±2 % stop and target nor a down-cross is reached.
 * `wicks` puts single-bar wicks (open and close at 102) at given candle indexes.
 */
export function market(wicks: Record<number, { high?: number; low?: number }>): CandleColumns {
  const columns = {
    time: new Float64Array(BARS),
    open: new Float64Array(BARS),
    high: new Float64Array(BARS),
    low: new Float64Array(BARS),
    close: new Float64Array(BARS),
    volume: new Float64Array(BARS),
  };
  let previous = 110;
  for (let i = 0; i < BARS; i++) {
    const close = i < LIVE_FROM ? 110 - 0.05 * i : i < 240 ? 100 + 0.05 * (i - 199) : 102;
    columns.time[i] = start + (i - LIVE_FROM) * MINUTE;
    columns.open[i] = previous;
    columns.close[i] = close;
    columns.high[i] = wicks[i]?.high ?? Math.max(previous, close) + 0.01;
    columns.low[i] = wicks[i]?.low ?? Math.min(previous, close) - 0.01;
    columns.volume[i] = 10;
    previous = close;
  }
  return columns;
}

/** The SMA crossover whose buy carries a STOP_PCT % stop-loss and a TARGET_PCT % take-profit. */
export function crossoverWithStopAndTarget(): unknown {
  const graph = exampleGraph("sma-crossover") as { nodes: object[]; edges: object[] };
  graph.nodes.push(
    {
      id: "stop",
      type: "order.stopLoss",
      version: 1,
      params: { mode: "percent", percent: STOP_PCT },
      position: { x: 0, y: 300 },
    },
    {
      id: "target",
      type: "order.takeProfit",
      version: 1,
      params: { mode: "percent", percent: TARGET_PCT, minRewardRisk: 0 },
      position: { x: 0, y: 400 },
    },
  );
  graph.edges.push(
    { id: "eStop", from: { node: "stop", port: "rule" }, to: { node: "buy", port: "exits" } },
    { id: "eTarget", from: { node: "target", port: "rule" }, to: { node: "buy", port: "exits" } },
  );
  return graph;
}
