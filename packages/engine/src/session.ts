/**
 * One trading session: the per-bar step shared by the batch backtest and the live runner.
 * For each closed bar: (1) the broker fills what the bar reached, (2) the strategy evaluates the bar
 * and emits intents, (3) each intent passes the risk stage and becomes an order for the next bar (or
 * fills at this close with the `close` fill option). Drivers decide where bars come from.
 */
import type { BacktestSettings } from "@tradegraph/contracts";
import type { Candle, CandleColumns, CompiledPlan, NodeStateEntry, OrderIntent } from "@tradegraph/nodes";
import { SymbolAccountView } from "./account-view.ts";
import type { MarketRules } from "./market-rules.ts";
import { engineExit, type PendingOrder } from "./orders.ts";
import { Portfolio } from "./portfolio.ts";
import type { SymbolSlot } from "./position.ts";
import { RiskStage } from "./risk-stage.ts";
import { type BarPrices, type Broker, SimulatedBroker } from "./simulator.ts";
import { UniverseBoard } from "./universe.ts";

/** What the session needs from a strategy: the plan evaluator, or a hand-written stepper in tests. */
export interface StrategyStepper {
  /** Evaluate bar `i` (batch: columns already hold it). */
  step(i: number): void;
  /** Streaming: append a closed candle and evaluate it. */
  push?(candle: Candle): number;
  /** Plan evaluators: the plan and node states (ML reports, predictor snapshots). */
  readonly plan?: CompiledPlan;
  nodeState?(nodeId: string): NodeStateEntry | undefined;
}

export interface StrategyContext {
  symbol: string;
  timeframeMs: number;
  /** Batch: the full history; streaming: undefined. */
  candles?: CandleColumns;
  account: SymbolAccountView;
  emit(intent: OrderIntent): void;
}

export type StrategyFactory = (context: StrategyContext) => StrategyStepper;

export interface SessionOptions {
  symbols: readonly string[];
  timeframeMs: number;
  settings: BacktestSettings;
  createStrategy: StrategyFactory;
  /** Batch: candle columns per symbol (same order as `symbols`). */
  candles?: readonly CandleColumns[];
  /** Finer candles per symbol, to resolve stop-versus-target inside a bar. */
  finerCandles?: readonly (CandleColumns | undefined)[];
  /** Injected order execution; defaults to the simulator. */
  createBroker?: (portfolio: Portfolio) => Broker;
}

export class TradingSession {
  readonly portfolio: Portfolio;
  readonly broker: Broker;
  readonly bars: BarPrices[];
  private readonly strategies: StrategyStepper[];
  private readonly accounts: SymbolAccountView[];
  private readonly intents: OrderIntent[][];
  private readonly risk: RiskStage;
  /** Scores the pair-ranking node publishes, shared by every symbol of the session. */
  readonly universe: UniverseBoard;
  /** Signals that changed nothing (an entry while already on that side, an exit while flat). */
  ignoredSignals = 0;

  constructor(private readonly options: SessionOptions) {
    const { settings, symbols } = options;
    const rules = symbols.map((symbol): MarketRules => settings.marketsBySymbol[symbol] ?? settings.market);
    this.portfolio = new Portfolio(symbols, rules, settings.initialCash, settings.maxLogEntries);
    this.broker = options.createBroker
      ? options.createBroker(this.portfolio)
      : new SimulatedBroker(this.portfolio, settings, options.timeframeMs, options.finerCandles ?? []);
    this.risk = new RiskStage(this.portfolio, settings);
    this.universe = new UniverseBoard(symbols);
    this.bars = symbols.map(() => ({ index: -1, time: 0, open: 0, high: 0, low: 0, close: 0, volume: 0 }));
    this.intents = symbols.map(() => []);
    this.accounts = this.portfolio.slots.map(
      (slot) =>
        new SymbolAccountView(this.portfolio, slot, settings.fees.taker, settings.fees.maker, this.universe),
    );
    this.strategies = symbols.map((symbol, s) => {
      const buffer = this.intents[s]!;
      return options.createStrategy({
        symbol,
        timeframeMs: options.timeframeMs,
        ...(options.candles ? { candles: options.candles[s]! } : {}),
        account: this.accounts[s]!,
        emit: (intent) => {
          buffer.push(intent);
        },
      });
    });
  }

  /** The strategy stepping symbol `s` (a plan evaluator for graph strategies). */
  strategyAt(s: number): StrategyStepper {
    const strategy = this.strategies[s];
    if (!strategy) throw new Error(`session: no symbol at index ${s}`);
    return strategy;
  }

  get slots(): readonly SymbolSlot[] {
    return this.portfolio.slots;
  }

  /** Phase 1 for bar `index` of symbol `s` (batch): load its prices and let the broker fill. */
  openBar(s: number, columns: CandleColumns, index: number): void {
    const bar = this.bars[s]!;
    bar.index = index;
    bar.time = columns.time[index]!;
    bar.open = columns.open[index]!;
    bar.high = columns.high[index]!;
    bar.low = columns.low[index]!;
    bar.close = columns.close[index]!;
    bar.volume = columns.volume[index]!;
    this.portfolio.rollDay(bar.time);
    this.broker.processBar(this.portfolio.slots[s]!, bar);
  }

  /** Phase 2 for symbol `s`: evaluate its latest bar with the account as of this close; route intents. */
  evaluateBar(s: number, equity: number, candle?: Candle): void {
    this.accounts[s]!.refresh(equity);
    const strategy = this.strategies[s]!;
    const bar = this.bars[s]!;
    if (candle !== undefined && strategy.push) strategy.push(candle);
    else strategy.step(bar.index);
    const buffer = this.intents[s]!;
    if (buffer.length === 0) return;
    for (let k = 0; k < buffer.length; k++) this.route(s, buffer[k]!, equity);
    buffer.length = 0;
  }

  /** Makes `candle` the current bar of symbol `s`. */
  private advanceBar(s: number, candle: Candle): BarPrices {
    const bar = this.bars[s]!;
    bar.index++;
    bar.time = candle.time;
    bar.open = candle.open;
    bar.high = candle.high;
    bar.low = candle.low;
    bar.close = candle.close;
    bar.volume = candle.volume;
    return bar;
  }

  /** Phase 1 of a streamed bar: the new candle, a new trading day if it starts one, fills inside it. */
  private openStreamedBar(s: number, candle: Candle): void {
    const bar = this.advanceBar(s, candle);
    this.portfolio.rollDay(bar.time);
    this.broker.processBar(this.portfolio.slots[s]!, bar);
  }

  /** Streaming: one closed candle of symbol `s` through the whole step (the live runner's entry point). */
  pushCandle(s: number, candle: Candle): void {
    this.openStreamedBar(s, candle);
    const equity = this.markToMarket();
    this.evaluateBar(s, equity, candle);
    this.closeBar(s);
  }

  /**
   * Streaming, several symbols: the closed candles of one open time (undefined = that symbol has no candle
   * then, an exchange gap), stepped as the batch replay steps a portfolio bar: every symbol's fills first,
   * then each evaluates with the equity at these closes, in symbol order.
   */
  pushCandles(candles: readonly (Candle | undefined)[]): void {
    for (let s = 0; s < candles.length; s++) {
      const candle = candles[s];
      if (candle !== undefined) this.openStreamedBar(s, candle);
    }
    const equity = this.markToMarket();
    for (let s = 0; s < candles.length; s++) {
      const candle = candles[s];
      if (candle === undefined) continue;
      this.evaluateBar(s, equity, candle);
      this.closeBar(s);
    }
  }

  /**
   * Streaming warm-up: a closed candle from before trading starts (stored history) goes through the
   * strategy so its indicators are ready; what it signals is dropped and the broker sees nothing. Bar
   * indexes advance with the strategy's, so later orders refer to the right bar.
   */
  warmUp(s: number, candle: Candle): void {
    const strategy = this.strategies[s]!;
    if (!strategy.push) throw new Error("session: this strategy cannot be warmed up (no streaming push)");
    this.advanceBar(s, candle);
    this.accounts[s]!.refresh(this.portfolio.equity());
    strategy.push(candle);
    this.intents[s]!.length = 0;
  }

  /** Phase 3 for symbol `s`: trailing/break-even/time stops move with the values as of this close. */
  closeBar(s: number): void {
    this.broker.closeBar(this.portfolio.slots[s]!, this.bars[s]!);
  }

  /** Equity at the latest closes; also advances the equity peak. */
  markToMarket(): number {
    const equity = this.portfolio.equity();
    if (equity > this.portfolio.peakEquity) this.portfolio.peakEquity = equity;
    return equity;
  }

  /** End of run: close what is still open at each symbol's last close and drop waiting orders. */
  closeAll(): void {
    for (const slot of this.portfolio.slots) {
      slot.pending.length = 0;
      if (slot.quantity === 0) continue;
      this.broker.fillAtClose(slot, engineExit("endOfRun", slot.lastBarIndex), this.bars[slot.index]!);
    }
  }

  private route(s: number, intent: OrderIntent, equity: number): void {
    const slot = this.portfolio.slots[s]!;
    const { settings } = this.options;
    const bar = this.bars[s]!;
    let action = intent.action;
    // Long-only: a short entry can only close a long (the reverse half is not allowed).
    if (action === "enterShort" && settings.positions === "longOnly") action = "exit";
    if (action === "exit") {
      const hasPendingEntry = slot.pending.some((p) => p.action !== "exit");
      if (hasPendingEntry) cancelEntries(slot);
      if (slot.quantity === 0 || slot.pending.some((p) => p.action === "exit")) {
        if (!hasPendingEntry) this.ignoredSignals++;
        return;
      }
      const level = intent.orderType === "market" ? Number.NaN : (intent.price ?? Number.NaN);
      const order = orderFromIntent(intent, "exit", 0, level);
      if (this.fillsAtClose(order, bar)) this.broker.fillAtClose(slot, order, bar);
      else this.broker.submit(slot, order, bar);
      return;
    }
    const long = action === "enterLong";
    const sameSide = slot.quantity !== 0 && slot.quantity > 0 === long;
    const waiting = slot.pending.some((p) => p.action === action);
    if (sameSide || waiting) {
      this.ignoredSignals++;
      return;
    }
    const approved = this.risk.approveEntry(slot, intent, this.accounts[s]!, equity);
    if (approved === null) return;
    const order = orderFromIntent(intent, action, approved.quantity, approved.level);
    order.allIn = approved.allIn;
    if (this.fillsAtClose(order, bar)) this.broker.fillAtClose(slot, order, bar);
    else this.broker.submit(slot, order, bar);
  }

  /** Close-fill option, except on bars where nothing traded (the order waits for a real bar). */
  private fillsAtClose(order: PendingOrder, bar: BarPrices): boolean {
    return this.options.settings.fill === "close" && order.type === "market" && bar.volume > 0;
  }
}

function orderFromIntent(
  intent: OrderIntent,
  action: OrderIntent["action"],
  quantity: number,
  level: number,
): PendingOrder {
  return {
    action,
    type: intent.orderType,
    price: level,
    quantity,
    allIn: null,
    exits: intent.exits,
    nodeId: intent.nodeId,
    intent,
    exitReason: "signal",
    signalBar: intent.barIndex,
  };
}

function cancelEntries(slot: SymbolSlot): void {
  let kept = 0;
  for (const order of slot.pending) if (order.action === "exit") slot.pending[kept++] = order;
  slot.pending.length = kept;
}
