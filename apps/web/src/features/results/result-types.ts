import type { Metrics, Trade } from "@tradegraph/engine";

/**
 * What the results view shows. Trade and metric shapes come from packages/engine (type-only imports:
 * no engine code reaches the browser bundle), so the view cannot drift from what the engine produces.
 */
export type { ExitReason } from "@tradegraph/engine";

/** The engine's trade record; `optimisticPnl` is optional because runs stored before it existed lack it. */
export type TradeRow = Omit<Trade, "optimisticPnl"> & Partial<Pick<Trade, "optimisticPnl">>;

/** The engine's metrics as stored with a run; the later fields are optional for older stored runs. */
export type RunMetrics = Pick<
  Metrics,
  | "initialEquity"
  | "finalEquity"
  | "totalReturn"
  | "buyAndHoldReturn"
  | "maxDrawdown"
  | "sharpe"
  | "sortino"
  | "winRate"
  | "profitFactor"
  | "trades"
  | "feesPaid"
> &
  Partial<Pick<Metrics, "slippageCost" | "deniedOrders" | "cagr" | "exposureTime">>;

/** Candle columns, times in epoch ms (bar open time). */
export interface CandleSeries {
  time: ArrayLike<number>;
  open: ArrayLike<number>;
  high: ArrayLike<number>;
  low: ArrayLike<number>;
  close: ArrayLike<number>;
  volume: ArrayLike<number>;
}

export interface IndicatorSeries {
  /** `nodeId.port`. */
  key: string;
  label: string;
  color: string;
  values: ArrayLike<number>;
  /** Boolean conditions are not drawn as lines; they show in the debugger. */
  kind: "number" | "boolean";
}

export interface BacktestResultView {
  runId: string;
  /** e.g. "v3 · BTC/USDT 1h · 2024-01-01 → 2024-06-30". */
  label: string;
  symbol: string;
  timeframe: string;
  /** The assumptions the numbers were computed under, printed with them. */
  assumptions: string[];
  candles: CandleSeries | null;
  equity: { time: ArrayLike<number>; value: ArrayLike<number> } | null;
  trades: TradeRow[];
  metrics: RunMetrics | null;
  indicators: IndicatorSeries[];
}
