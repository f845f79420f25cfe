/**
 * What the results view shows. The trade and metric shapes mirror packages/engine (results-types.ts,
 * metrics.ts) as they arrive over tRPC; the web app does not import the engine itself.
 */
export type ExitReason =
  | "signal"
  | "stopLoss"
  | "takeProfit"
  | "trailingStop"
  | "breakEven"
  | "timeStop"
  | "reverse"
  | "endOfRun";

export interface TradeRow {
  symbol: string;
  side: "long" | "short";
  entryTime: number;
  entryPrice: number;
  exitTime: number;
  exitPrice: number;
  quantity: number;
  fees: number;
  pnl: number;
  returnPct: number;
  rMultiple: number | null;
  exitReason: ExitReason;
  barsHeld: number;
  ambiguous: boolean;
  entryNodeId: string;
}

export interface RunMetrics {
  initialEquity: number;
  finalEquity: number;
  totalReturn: number;
  buyAndHoldReturn: number;
  maxDrawdown: number;
  sharpe: number | null;
  sortino: number | null;
  winRate: number | null;
  profitFactor: number | null;
  trades: number;
  feesPaid: number;
  slippageCost?: number;
  deniedOrders?: number;
  cagr?: number | null;
  exposureTime?: number;
}

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
