/**
 * Values that flow between nodes at run time, and the view of the account nodes may read.
 * Numeric series are Float64Array columns indexed by bar (NaN = not ready). Columns may be
 * replaced by larger ones while streaming, so a node must read them through `io` on every step
 * and never keep a column in its state.
 */

export interface CandleColumns {
  /** Candle open time, epoch ms UTC. */
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

export const CANDLE_FIELDS = ["time", "open", "high", "low", "close", "volume"] as const;
export type CandleField = (typeof CANDLE_FIELDS)[number];

/** One closed candle, the unit of streaming input. */
export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

// ---------------------------------------------------------------------------------------------
// Exit rules and sizing: attached to an entry, resolved by the simulator/broker after the fill.

/**
 * A distance is given either as a fraction of the reference price (`percent`, 0.02 = 2%) or as an
 * absolute price distance (`distance`, e.g. 2 × ATR at the signal bar). Exactly one is set.
 */
export interface Distance {
  percent?: number;
  distance?: number;
}

export type ExitRule =
  | ({ kind: "stopLoss" } & Distance)
  | ({ kind: "takeProfit"; minRewardRisk?: number } & Distance)
  /** Trailing stop: the source is asked for the current distance on every bar while the position is open. */
  | ({ kind: "trailingStop"; source: ExitRuleSource } & Distance)
  /** Once price has moved `triggerPercent` in favour, move the stop to entry ± `offsetPercent`. */
  | { kind: "breakEven"; triggerPercent: number; offsetPercent: number }
  /** Close at the next bar's open once the position has been held `maxBars` bars. */
  | { kind: "timeStop"; maxBars: number };

export interface ExitRuleSource {
  readonly nodeId: string;
  /** The rule as of the close of bar `i` (no later information), or null when not ready. */
  ruleAt(i: number): ExitRule | null;
}

/** All percentages in sizing specs are fractions (0.02 = 2%), like distances. Node params show them as %. */
export type SizingSpec =
  | { mode: "fixedQuantity"; quantity: number }
  | { mode: "percentEquity"; percent: number }
  /** Quantity such that hitting the stop loses `riskPercent` of equity (needs a stop-loss rule). */
  | { mode: "riskPerTrade"; riskPercent: number }
  /** Kelly fraction from the run's closed trades so far, times `fraction`, capped at `maxPercent`. */
  | { mode: "kelly"; fraction: number; maxPercent: number; minTrades: number; fallbackPercent: number }
  /** All available cash; whole units for stocks, fractional for crypto. */
  | { mode: "allIn"; wholeUnits: boolean };

export interface SizingSource {
  readonly nodeId: string;
  sizingAt(i: number): SizingSpec;
}

// ---------------------------------------------------------------------------------------------
// Order intents and the risk stage.

export type OrderAction = "enterLong" | "enterShort" | "exit";
export type EntryOrderType = "market" | "limit" | "stop";

export interface OrderIntent {
  /** The order node that emitted it. */
  nodeId: string;
  action: OrderAction;
  orderType: EntryOrderType;
  /** Limit or stop level for non-market orders. */
  price?: number;
  /** Which side an exit closes; entries leave it undefined. */
  exitSide?: "long" | "short" | "any";
  /** Bar index and open time of the bar whose close produced the intent. */
  barIndex: number;
  time: number;
  /** Close of the signal bar, the reference for percent distances before the fill is known. */
  referencePrice: number;
  exits: ExitRule[];
  sizing: SizingSpec | null;
  /** Gates the intent must pass, in graph order (closest to the data first). */
  riskGates: readonly RiskGate[];
}

/** An intent after sizing: what the risk stage judges. */
export interface ProposedOrder {
  intent: OrderIntent;
  quantity: number;
  referencePrice: number;
  notional: number;
  /** Absolute stop and target prices implied by the exits at the reference price (if any). */
  stopPrice?: number;
  targetPrice?: number;
  /** Taker fee rate applied to each side of the trade. */
  feeRate: number;
}

export type RiskVerdict = { allowed: true; maxQuantity?: number } | { allowed: false; reason: string };

export interface RiskGate {
  readonly nodeId: string;
  readonly title: string;
  check(order: ProposedOrder, account: AccountView, barIndex: number): RiskVerdict;
}

/** Value of a `risk` port: the gates upstream of (and including) the node that outputs it. */
export interface RiskChain {
  readonly gates: readonly RiskGate[];
}

/** What nodes and gates may know of the account, as of the close of the current bar. */
export interface AccountView {
  readonly initialEquity: number;
  readonly equity: number;
  readonly cash: number;
  readonly peakEquity: number;
  /** Equity at the first bar of the current UTC day. */
  readonly dayStartEquity: number;
  /** Signed position quantity in the evaluated symbol (0 when flat). */
  readonly positionQuantity: number;
  readonly positionEntryPrice: number;
  readonly barsInPosition: number;
  /** Open positions across the whole portfolio, and their notional as a fraction of equity. */
  readonly openPositions: number;
  readonly exposure: number;
  readonly entriesToday: number;
  /** Open time of the bar of the last entry/exit fill, NaN if none. */
  readonly lastEntryTime: number;
  readonly lastExitTime: number;
  readonly closedTrades: number;
  readonly winningTrades: number;
  readonly grossProfit: number;
  readonly grossLoss: number;
  readonly takerFeeRate: number;
  readonly makerFeeRate: number;
  /** Portfolio runs: the board the pair-ranking node ranks symbols on (absent outside the engine). */
  readonly universe?: UniverseView;
}

/** Scores of every symbol of a run, shared by their evaluators (the pair-ranking node writes and reads it). */
export interface UniverseView {
  /** Records `symbol`'s score for the bar that opened at `time` (NaN = not ready). */
  publish(symbol: string, time: number, score: number): void;
  /**
   * 0-based rank of `symbol` (0 = highest score) among the scores each symbol published for its latest bar
   * strictly before `time`, so every symbol is compared on closed bars only; NaN when it has no score.
   */
  rankBefore(symbol: string, time: number): number;
}

/** What a node may touch besides its ports: the account view and the intent sink. */
export interface EvalContext {
  readonly symbol: string;
  readonly timeframeMs: number;
  /** The run's candles (base clock). Read index `i` only; order nodes take the signal close from here. */
  readonly candles: CandleColumns;
  readonly account: AccountView;
  emit(intent: OrderIntent): void;
}
