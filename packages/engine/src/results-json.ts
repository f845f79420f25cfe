/** The JSON form of a result: what the CLI prints, the server stores and the editor charts. */
import type { BacktestResult } from "./run-backtest.ts";

export interface EquityPoint {
  time: number;
  equity: number;
  drawdown: number;
}

export function equityPoints(result: BacktestResult): EquityPoint[] {
  const points: EquityPoint[] = new Array(result.time.length);
  for (let t = 0; t < result.time.length; t++) {
    points[t] = { time: result.time[t]!, equity: result.equity[t]!, drawdown: result.drawdown[t]! };
  }
  return points;
}

/** Plain object with a fixed key order (so the same run always serialises to the same bytes). */
export function resultToJson(result: BacktestResult) {
  return {
    symbols: result.symbols,
    timeframeMs: result.timeframeMs,
    settings: result.settings,
    metrics: result.metrics,
    perSymbol: result.perSymbol,
    trades: result.trades,
    orders: result.orders,
    equity: equityPoints(result),
    ignoredSignals: result.ignoredSignals,
    droppedLogEntries: result.droppedLogEntries,
    models: result.models,
  };
}
