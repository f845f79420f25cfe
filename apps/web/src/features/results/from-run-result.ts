import { type ModelReports, storeTimeframeOf } from "@tradegraph/contracts";
import type {
  BacktestResultView,
  CandleSeries,
  IndicatorSeries,
  RunMetrics,
  TradeRow,
} from "./result-types.ts";

/** The stored result JSON (packages/engine resultToJson) as it arrives from `backtests.result`. */
export interface RunResultJson {
  symbols: string[];
  timeframeMs: number;
  settings: {
    initialCash: number;
    fees: { maker: number; taker: number };
    slippage: { mode: "bps"; bps: number } | { mode: "atr"; fraction: number; period: number };
    fill: "nextOpen" | "close";
    positions: "longOnly" | "longShort";
  };
  metrics: RunMetrics;
  trades: TradeRow[];
  /** Points (engine resultToJson) or columns (what the runner stores: compact). */
  equity:
    | { time: number; equity: number; drawdown: number }[]
    | { time: number[]; equity: number[]; drawdown: number[] };
  /** ML predictor reports by node and symbol (absent in runs stored before they existed). */
  models?: ModelReports;
}

/** Equity as columns whichever form the result stored it in. */
export function equityColumns(equity: RunResultJson["equity"]): { time: number[]; value: number[] } {
  if (Array.isArray(equity)) return { time: equity.map((p) => p.time), value: equity.map((p) => p.equity) };
  return { time: equity.time, value: equity.equity };
}

export function timeframeName(ms: number): string {
  return storeTimeframeOf(ms) ?? `${Math.round(ms / 60_000)}m`;
}

export function assumptionsOf(r: RunResultJson): string[] {
  const s = r.settings;
  const slippage =
    s.slippage.mode === "bps"
      ? `${s.slippage.bps} bps`
      : `${s.slippage.fraction} × ATR(${s.slippage.period})`;
  return [
    `start ${s.initialCash.toLocaleString("en-US")} USDT`,
    `fees ${s.fees.taker * 100}% taker / ${s.fees.maker * 100}% maker`,
    `slippage ${slippage}`,
    s.fill === "nextOpen" ? "market orders at next open" : "market orders at signal close",
    s.positions === "longOnly" ? "long only" : "long and short",
  ];
}

/**
 * Builds what the results view draws for one symbol of a run: its candles (loaded separately), its trades,
 * the portfolio equity, and the graph's indicator columns recomputed on the same candles.
 */
export function toResultView(input: {
  runId: string;
  label: string;
  result: RunResultJson;
  symbol?: string;
  candles: CandleSeries | null;
  indicators?: IndicatorSeries[];
}): BacktestResultView {
  const { result } = input;
  const symbol = input.symbol ?? result.symbols[0] ?? "";
  const { time, value } = equityColumns(result.equity);
  return {
    runId: input.runId,
    label: input.label,
    symbol,
    timeframe: timeframeName(result.timeframeMs),
    assumptions: assumptionsOf(result),
    candles: input.candles,
    equity: time.length > 0 ? { time, value } : null,
    trades: result.trades.filter((t) => t.symbol === symbol),
    metrics: result.metrics,
    indicators: input.indicators ?? [],
  };
}
