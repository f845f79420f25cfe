/**
 * Backtest settings shared by the engine, the server, the runner and the editor. Every field has an
 * explicit default so a result can always print the exact assumptions it was computed under.
 */
import { z } from "zod";

/** Exchange trading rules for one market (ccxt `market.precision` / `market.limits` when known). */
export const marketRulesSchema = z.object({
  /** Smallest price step; order levels and slipped fills are rounded to it. 0 = no rounding. */
  tickSize: z.number().min(0).default(0),
  /** Smallest quantity step; quantities are rounded down to it. 0 = any fraction. */
  lotSize: z.number().min(0).default(0),
  /** Smallest order quantity. */
  minQuantity: z.number().min(0).default(0),
  /** Smallest order value in the quote currency (e.g. 5 USDT on Binance spot). */
  minNotional: z.number().min(0).default(0),
});
export type MarketRules = z.output<typeof marketRulesSchema>;

export const slippageSchema = z.discriminatedUnion("mode", [
  /** Adverse price move on every market/stop fill, in basis points of the price (10 bps = 0.1%). */
  z.object({ mode: z.literal("bps"), bps: z.number().min(0).max(10_000).default(0) }),
  /** Adverse move of `fraction` × ATR(period) as of the previous close (no look-ahead). */
  z.object({
    mode: z.literal("atr"),
    fraction: z.number().min(0).max(10).default(0.05),
    period: z.number().int().min(1).max(500).default(14),
  }),
]);
export type SlippageSettings = z.output<typeof slippageSchema>;

export const backtestSettingsSchema = z.object({
  /** Starting cash in the quote currency. */
  initialCash: z.number().positive().finite().default(10_000),
  /** Fee rates as fractions of the traded value (0.001 = 0.1%, Binance spot's published base rate). */
  fees: z
    .object({
      maker: z.number().min(0).max(0.05).default(0.001),
      taker: z.number().min(0).max(0.05).default(0.001),
    })
    .prefault({}),
  slippage: slippageSchema.prefault({ mode: "bps" }),
  /** Market orders: at the next bar's open (default) or at the signal bar's close. */
  fill: z.enum(["nextOpen", "close"]).default("nextOpen"),
  /** Limit orders fill when price trades through the level (default) or merely touches it. */
  limitFill: z.enum(["through", "touch"]).default("through"),
  /** Spot long-only by default; short selling only when turned on. */
  positions: z.enum(["longOnly", "longShort"]).default("longOnly"),
  /** Gross exposure allowed as a multiple of equity (1 = no leverage). */
  leverage: z.number().min(1).max(125).default(1),
  /** Close open positions at the last bar's close so every trade is in the results. */
  closeAtEnd: z.boolean().default(true),
  /** Rules for every symbol, overridden per symbol by `marketsBySymbol`. */
  market: marketRulesSchema.prefault({}),
  marketsBySymbol: z.record(z.string(), marketRulesSchema).default({}),
  /** Missing candles: skip them (default) or insert flat candles at the previous close with zero volume. */
  gaps: z.enum(["skip", "forwardFill"]).default("skip"),
  /** Portfolio: most positions open at once across all symbols. */
  maxOpenPositions: z.number().int().min(1).max(1000).default(100),
  /** Annualisation: 365 days for crypto, 252 trading days for markets that close. */
  daysPerYear: z.union([z.literal(365), z.literal(252)]).default(365),
  /** Sizing for entries that have no sizing input: all available cash, fractional units. */
  defaultSizing: z
    .object({ mode: z.literal("allIn"), wholeUnits: z.boolean().default(false) })
    .prefault({ mode: "allIn" }),
  /** Keep at most this many order-log entries and denial events (counts stay exact). */
  maxLogEntries: z.number().int().min(0).max(1_000_000).default(20_000),
});

export type BacktestSettingsInput = z.input<typeof backtestSettingsSchema>;
export type BacktestSettings = z.output<typeof backtestSettingsSchema>;
