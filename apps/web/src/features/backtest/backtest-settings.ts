import type { StartBacktestInput } from "@tradegraph/contracts";

export const TIMEFRAME_OPTIONS = ["1m", "5m", "15m", "1h", "4h", "1d"] as const;
export type Timeframe = (typeof TIMEFRAME_OPTIONS)[number];

/** The popover's values, in units a trader types (percent, basis points, calendar dates). */
export interface BacktestFormValues {
  symbols: string[];
  timeframe: Timeframe;
  /** UTC calendar dates, YYYY-MM-DD; `to` is inclusive for the user (the whole day). */
  from: string;
  to: string;
  initialCash: number;
  /** Taker fee in percent of traded value (0.1 = Binance spot base rate). */
  feePercent: number;
  slippageBps: number;
  fill: "nextOpen" | "close";
  positions: "longOnly" | "longShort";
}

export const DEFAULT_BACKTEST: BacktestFormValues = {
  symbols: ["BTC/USDT"],
  timeframe: "1h",
  from: "2025-01-01",
  to: "2025-06-30",
  initialCash: 10_000,
  feePercent: 0.1,
  slippageBps: 5,
  fill: "nextOpen",
  positions: "longOnly",
};

const DAY = 86_400_000;

function dayStart(date: string, field: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new Error(`${field}: "${date}" is not a date (use YYYY-MM-DD).`);
  return ms;
}

/** Form values → the server's startBacktest input; errors name the field. */
export function toStartInput(
  strategyId: string,
  versionNumber: number,
  v: BacktestFormValues,
): StartBacktestInput {
  if (v.symbols.length === 0) throw new Error("Symbols: pick at least one symbol.");
  const from = dayStart(v.from, "From");
  const to = dayStart(v.to, "To") + DAY;
  if (from >= to) throw new Error("From must be before To.");
  const fee = v.feePercent / 100;
  return {
    strategyId,
    versionNumber,
    symbols: v.symbols,
    timeframe: v.timeframe,
    from,
    to,
    settings: {
      initialCash: v.initialCash,
      fees: { maker: fee, taker: fee },
      slippage: { mode: "bps", bps: v.slippageBps },
      fill: v.fill,
      positions: v.positions,
    },
  };
}

/** The assumptions printed above every result, so numbers never travel without them. */
export function describeSettings(v: BacktestFormValues): string[] {
  return [
    `${v.symbols.join(", ")} ${v.timeframe}`,
    `${v.from} → ${v.to} (UTC)`,
    `start ${v.initialCash.toLocaleString("en-US")} USDT`,
    `fee ${v.feePercent}% per fill`,
    `slippage ${v.slippageBps} bps`,
    v.fill === "nextOpen" ? "market orders fill at next bar's open" : "market orders fill at signal close",
    v.positions === "longOnly" ? "long only" : "long and short",
  ];
}

const KEY = "tradegraph.backtestSettings.";

export function loadLastSettings(strategyId: string, storage: Storage = localStorage): BacktestFormValues {
  try {
    const raw = storage.getItem(KEY + strategyId) ?? storage.getItem(`${KEY}last`);
    return raw
      ? { ...DEFAULT_BACKTEST, ...(JSON.parse(raw) as Partial<BacktestFormValues>) }
      : DEFAULT_BACKTEST;
  } catch {
    return DEFAULT_BACKTEST;
  }
}

export function saveLastSettings(
  strategyId: string,
  v: BacktestFormValues,
  storage: Storage = localStorage,
): void {
  const json = JSON.stringify(v);
  storage.setItem(KEY + strategyId, json);
  // New strategies start from whatever was used last anywhere.
  storage.setItem(`${KEY}last`, json);
}
