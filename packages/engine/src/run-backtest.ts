/** The batch driver: replays candles through a trading session and collects results. */
import {
  type BacktestSettings,
  type BacktestSettingsInput,
  backtestSettingsSchema,
  type ModelReports,
} from "@tradegraph/contracts";
import type { CandleColumns, CompiledPlan } from "@tradegraph/nodes";
import { computeMetrics, drawdownSeries, type Metrics } from "./metrics.ts";
import { collectModelReports } from "./model-reports.ts";
import { compileGraph, planStrategy } from "./plan-strategy.ts";
import { replay } from "./replay.ts";
import type { OrderLogEntry, Trade } from "./results-types.ts";
import { type StrategyFactory, TradingSession } from "./session.ts";
import { detectTimeframe, forwardFillGaps, unionTimeline, validateColumns } from "./timeline.ts";

export interface BacktestRunInput {
  /** Candle columns per symbol, e.g. { "BTC/USDT": columns }. */
  candles: Readonly<Record<string, CandleColumns>>;
  /** The strategy: a graph document (compiled here), a compiled plan, or a hand-written factory. */
  graph?: unknown;
  plan?: CompiledPlan;
  createStrategy?: StrategyFactory;
  settings?: BacktestSettingsInput;
  /** Defaults to the smallest candle step of the first symbol. */
  timeframeMs?: number;
  /** Finer candles per symbol to resolve bars where both stop and target were reachable. */
  finerCandles?: Readonly<Record<string, CandleColumns>>;
  /** Called with the fraction of bars done, about every 1%. */
  onProgress?: (fraction: number) => void;
}

export interface SymbolResult {
  symbol: string;
  bars: number;
  trades: number;
  pnl: number;
  feesPaid: number;
  winRate: number | null;
  buyAndHoldReturn: number;
  ambiguousBars: number;
}

export interface BacktestResult {
  settings: BacktestSettings;
  symbols: string[];
  timeframeMs: number;
  metrics: Metrics;
  perSymbol: SymbolResult[];
  trades: Trade[];
  orders: OrderLogEntry[];
  /** Per bar of the portfolio clock: open time, equity at the close and drawdown from the peak. */
  time: Float64Array;
  equity: Float64Array;
  drawdown: Float64Array;
  /** Signals that changed nothing (entry while already in, exit while flat). */
  ignoredSignals: number;
  droppedLogEntries: number;
  /** ML predictor reports by node id, then symbol (empty without predictor nodes). */
  models: ModelReports;
}

export function runBacktest(input: BacktestRunInput): BacktestResult {
  const settings = backtestSettingsSchema.parse(input.settings ?? {});
  const symbols = Object.keys(input.candles);
  if (symbols.length === 0) throw new Error("no candles: give at least one symbol");
  for (const symbol of symbols) validateColumns(symbol, input.candles[symbol]!);
  const timeframeMs = input.timeframeMs ?? detectTimeframe(input.candles[symbols[0]!]!);
  const columns = symbols.map((symbol) => {
    const raw = input.candles[symbol]!;
    return settings.gaps === "forwardFill" ? forwardFillGaps(raw, timeframeMs) : raw;
  });
  const session = new TradingSession({
    symbols,
    timeframeMs,
    settings,
    createStrategy: strategyOf(input),
    candles: columns,
    finerCandles: symbols.map((symbol) => input.finerCandles?.[symbol]),
  });
  const clock = unionTimeline(columns);
  const { equity, inMarket } = replay(session, columns, clock, settings.closeAtEnd, input.onProgress);
  const { ledger } = session.portfolio;

  const buyAndHold = columns.map(buyAndHoldReturn);
  const perSymbol = symbols.map((symbol, s): SymbolResult => {
    const trades = ledger.trades.filter((trade) => trade.symbol === symbol);
    const wins = trades.filter((trade) => trade.pnl > 0).length;
    return {
      symbol,
      bars: columns[s]!.time.length,
      trades: trades.length,
      pnl: trades.reduce((sum, trade) => sum + trade.pnl, 0),
      feesPaid: trades.reduce((sum, trade) => sum + trade.fees, 0),
      winRate: trades.length > 0 ? wins / trades.length : null,
      buyAndHoldReturn: buyAndHold[s]!,
      ambiguousBars: session.slots[s]!.ambiguousBars,
    };
  });
  const metrics = computeMetrics({
    time: clock,
    equity,
    inMarket,
    timeframeMs,
    initialEquity: settings.initialCash,
    trades: ledger.trades,
    // Equal-weight portfolio of every symbol, bought at the first close and held to the last.
    buyAndHoldReturn: buyAndHold.reduce((sum, r) => sum + r, 0) / buyAndHold.length,
    feesPaid: ledger.feesPaid,
    slippageCost: ledger.slippageCost,
    ambiguousBars: perSymbol.reduce((sum, r) => sum + r.ambiguousBars, 0),
    deniedOrders: ledger.deniedOrders,
    daysPerYear: settings.daysPerYear,
  });
  input.onProgress?.(1);
  return {
    settings,
    symbols,
    timeframeMs,
    metrics,
    perSymbol,
    trades: ledger.trades,
    orders: ledger.orderLog,
    time: clock,
    equity,
    drawdown: drawdownSeries(equity, settings.initialCash),
    ignoredSignals: session.ignoredSignals,
    droppedLogEntries: ledger.droppedLogEntries,
    models: collectModelReports(
      symbols,
      symbols.map((_, s) => session.strategyAt(s)),
    ),
  };
}

function buyAndHoldReturn(columns: CandleColumns): number {
  const n = columns.close.length;
  return n > 0 ? columns.close[n - 1]! / columns.close[0]! - 1 : 0;
}

function strategyOf(input: BacktestRunInput): StrategyFactory {
  if (input.createStrategy) return input.createStrategy;
  if (input.plan) return planStrategy(input.plan);
  if (input.graph !== undefined) return planStrategy(compileGraph(input.graph));
  throw new Error("runBacktest needs a graph, a compiled plan or a strategy");
}
