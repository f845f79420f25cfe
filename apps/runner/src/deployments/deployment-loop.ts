import type { BacktestSettingsInput } from "@tradegraph/contracts";
import { backtestSettingsSchema } from "@tradegraph/contracts";
import {
  type Broker,
  compileGraph,
  planStrategy,
  SimulatedBroker,
  type Trade,
  TradingSession,
} from "@tradegraph/engine";
import type { Candle } from "@tradegraph/nodes";
import { type AccountLimits, AccountLimitsBroker } from "./account-limits.ts";
import { type BreakerLimits, CircuitBreakers } from "./circuit-breakers.ts";

export type DeploymentMode = "paper" | "testnet" | "live";

type Portfolio = TradingSession["portfolio"];

export interface DeploymentLoopOptions {
  mode: DeploymentMode;
  /** The pinned strategy version's graph document. */
  graph: unknown;
  symbols: readonly string[];
  timeframeMs: number;
  settings?: BacktestSettingsInput;
  limits?: AccountLimits;
  /** Daily loss and drawdown limits: a breach halts new entries and says why. */
  breakers?: BreakerLimits;
  /** The exchange broker for testnet and live (ccxt); paper uses the backtest's own simulator. */
  exchangeBroker?: (portfolio: Portfolio) => Broker;
}

/** Something the loop did on a closed candle; the runner records these and publishes them to the web app. */
export type DeploymentEvent =
  | { kind: "trade"; trade: Trade }
  | { kind: "denied"; time: number; symbol: string; nodeId: string; reason: string }
  | { kind: "halted"; time: number; reason: string };

/**
 * One loop for every mode: each closed candle goes through the same TradingSession step as the backtest
 * (broker fills → strategy evaluates → risk stage → orders); the mode only picks the broker.
 */
export class DeploymentLoop {
  readonly session: TradingSession;
  readonly limits: AccountLimitsBroker;
  private readonly symbolIndex: Map<string, number>;
  private tradesSeen = 0;
  private deniedSeen = 0;
  private readonly lastTime: number[];
  private readonly breakers: CircuitBreakers;
  /** Set when a circuit breaker tripped: no new entries from then on. */
  haltReason: string | null = null;

  constructor(readonly options: DeploymentLoopOptions) {
    const settings = backtestSettingsSchema.parse(options.settings ?? {});
    if (options.mode !== "paper" && !options.exchangeBroker) {
      throw new Error(`A ${options.mode} deployment needs an exchange broker (ccxt); none was given.`);
    }
    let limits: AccountLimitsBroker | undefined;
    this.session = new TradingSession({
      symbols: options.symbols,
      timeframeMs: options.timeframeMs,
      settings,
      createStrategy: planStrategy(compileGraph(options.graph)),
      createBroker: (portfolio) => {
        const inner =
          options.mode === "paper" || !options.exchangeBroker
            ? new SimulatedBroker(portfolio, settings, options.timeframeMs)
            : options.exchangeBroker(portfolio);
        limits = new AccountLimitsBroker(inner, options.limits ?? {});
        return limits;
      },
    });
    this.limits = limits!;
    this.symbolIndex = new Map(options.symbols.map((symbol, s) => [symbol, s]));
    this.lastTime = options.symbols.map(() => Number.NEGATIVE_INFINITY);
    this.breakers = new CircuitBreakers(options.breakers ?? {});
  }

  /** One closed candle of one symbol; returns what happened because of it. */
  onClosedCandle(symbol: string, candle: Candle): DeploymentEvent[] {
    const s = this.symbolIndex.get(symbol);
    if (s === undefined) throw new Error(`This deployment does not trade ${symbol}.`);
    // The live stream delivers each candle once and in order; a repeat must never be evaluated twice.
    if (candle.time <= this.lastTime[s]!) return [];
    this.lastTime[s] = candle.time;
    const before = this.session.portfolio.equity();
    this.session.pushCandle(s, candle);
    return this.eventsAfter(candle.time, before);
  }

  /**
   * The closed candles of one open time, one per symbol (a symbol left out had no candle then: a gap),
   * stepped together as the backtest steps a portfolio bar; returns what happened because of them.
   */
  onClosedBar(candles: ReadonlyMap<string, Candle>): DeploymentEvent[] {
    const bar: (Candle | undefined)[] = this.options.symbols.map(() => undefined);
    let time = Number.NEGATIVE_INFINITY;
    for (const [symbol, candle] of candles) {
      const s = this.symbolIndex.get(symbol);
      if (s === undefined) throw new Error(`This deployment does not trade ${symbol}.`);
      if (candle.time <= this.lastTime[s]!) continue; // a repeat is never evaluated twice
      this.lastTime[s] = candle.time;
      bar[s] = candle;
      time = Math.max(time, candle.time);
    }
    if (time === Number.NEGATIVE_INFINITY) return [];
    const before = this.session.portfolio.equity();
    this.session.pushCandles(bar);
    return this.eventsAfter(time, before);
  }

  /** Events of the step just taken, plus a halt when it breached a circuit breaker. */
  private eventsAfter(time: number, equityBefore: number): DeploymentEvent[] {
    const events = this.drainEvents();
    if (this.haltReason === null) {
      const reason = this.breakers.check(time, equityBefore, this.session.portfolio.equity());
      if (reason !== null) {
        this.haltReason = reason;
        this.limits.limits.killSwitch = true;
        events.push({ kind: "halted", time, reason });
      }
    }
    return events;
  }

  /** Stop: optionally close every open position at the last close (emergency stop, end of a replay). */
  stop(flatten: boolean): DeploymentEvent[] {
    if (flatten) this.session.closeAll();
    return this.drainEvents();
  }

  get trades(): readonly Trade[] {
    return this.session.portfolio.ledger.trades;
  }

  get equity(): number {
    return this.session.portfolio.equity();
  }

  private drainEvents(): DeploymentEvent[] {
    const events: DeploymentEvent[] = [];
    const trades = this.session.portfolio.ledger.trades;
    for (; this.tradesSeen < trades.length; this.tradesSeen++)
      events.push({ kind: "trade", trade: trades[this.tradesSeen]! });
    const denied = this.limits.denied;
    for (; this.deniedSeen < denied.length; this.deniedSeen++)
      events.push({ kind: "denied", ...denied[this.deniedSeen]! });
    return events;
  }
}
