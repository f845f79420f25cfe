/** Performance metrics from the equity curve and the trade list; each is defined in docs/metrics.md. */
import type { Trade } from "./results-types.ts";

const DAY_MS = 86_400_000;

export interface Metrics {
  initialEquity: number;
  finalEquity: number;
  totalReturn: number;
  cagr: number | null;
  buyAndHoldReturn: number;
  maxDrawdown: number;
  maxDrawdownDurationDays: number;
  sharpe: number | null;
  sortino: number | null;
  calmar: number | null;
  winRate: number | null;
  profitFactor: number | null;
  expectancy: number | null;
  averageWin: number | null;
  averageLoss: number | null;
  trades: number;
  exposureTime: number;
  averageHoldingHours: number | null;
  feesPaid: number;
  slippageCost: number;
  ambiguousBars: number;
  optimisticTotalReturn: number;
  deniedOrders: number;
}

export interface MetricsInput {
  time: Float64Array;
  equity: Float64Array;
  /** 1 where a position was open at the bar's close. */
  inMarket: Uint8Array;
  timeframeMs: number;
  initialEquity: number;
  trades: readonly Trade[];
  buyAndHoldReturn: number;
  feesPaid: number;
  slippageCost: number;
  ambiguousBars: number;
  deniedOrders: number;
  daysPerYear: 365 | 252;
}

/** Drawdown from the running peak at each bar, as a fraction (0.2 = 20% below the peak). */
export function drawdownSeries(equity: Float64Array, initialEquity: number): Float64Array {
  const drawdown = new Float64Array(equity.length);
  let peak = initialEquity;
  for (let t = 0; t < equity.length; t++) {
    const value = equity[t]!;
    // At or above the peak the drawdown is 0, which the fresh array already holds: no division, no store.
    if (value >= peak) {
      peak = value;
      continue;
    }
    drawdown[t] = peak > 0 ? (peak - value) / peak : 0;
  }
  return drawdown;
}

export function computeMetrics(input: MetricsInput): Metrics {
  const { time, equity, trades, initialEquity, timeframeMs, daysPerYear } = input;
  const n = equity.length;
  const finalEquity = n > 0 ? equity[n - 1]! : initialEquity;
  const totalReturn = finalEquity / initialEquity - 1;
  const years = n > 0 ? yearsCovered(time, timeframeMs, daysPerYear) : 0;
  const cagr = years > 0 && finalEquity > 0 ? (finalEquity / initialEquity) ** (1 / years) - 1 : null;
  const { maxDrawdown, durationMs } = maxDrawdownOf(time, equity, initialEquity);
  const daily = dailyReturns(time, equity, initialEquity);
  const { sharpe, sortino } = ratios(daily, daysPerYear);
  let inMarket = 0;
  for (let t = 0; t < n; t++) inMarket += input.inMarket[t]!;

  let wins = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  let holdingMs = 0;
  let optimisticExtra = 0;
  for (const trade of trades) {
    if (trade.pnl > 0) {
      wins++;
      grossProfit += trade.pnl;
    } else grossLoss -= trade.pnl;
    holdingMs += trade.exitTime - trade.entryTime;
    optimisticExtra += trade.optimisticPnl - trade.pnl;
  }
  const losses = trades.length - wins;
  const count = trades.length;
  return {
    initialEquity,
    finalEquity,
    totalReturn,
    cagr,
    buyAndHoldReturn: input.buyAndHoldReturn,
    maxDrawdown,
    maxDrawdownDurationDays: durationMs / DAY_MS,
    sharpe,
    sortino,
    calmar: cagr !== null && maxDrawdown > 0 ? cagr / maxDrawdown : null,
    winRate: count > 0 ? wins / count : null,
    profitFactor: grossLoss > 0 ? grossProfit / grossLoss : null,
    expectancy: count > 0 ? (grossProfit - grossLoss) / count : null,
    averageWin: wins > 0 ? grossProfit / wins : null,
    averageLoss: losses > 0 ? -grossLoss / losses : null,
    trades: count,
    exposureTime: n > 0 ? inMarket / n : 0,
    averageHoldingHours: count > 0 ? holdingMs / count / 3_600_000 : null,
    feesPaid: input.feesPaid,
    slippageCost: input.slippageCost,
    ambiguousBars: input.ambiguousBars,
    optimisticTotalReturn: (finalEquity + optimisticExtra) / initialEquity - 1,
    deniedOrders: input.deniedOrders,
  };
}

/** Crypto trades every day: calendar span / 365. Markets that close: distinct trading days / 252. */
function yearsCovered(time: Float64Array, timeframeMs: number, daysPerYear: 365 | 252): number {
  const n = time.length;
  if (daysPerYear === 365) return (time[n - 1]! + timeframeMs - time[0]!) / (365 * DAY_MS);
  let days = 0;
  let lastDay = Number.NaN;
  for (let t = 0; t < n; t++) {
    const day = Math.floor(time[t]! / DAY_MS);
    if (day !== lastDay) days++;
    lastDay = day;
  }
  return days / 252;
}

function maxDrawdownOf(time: Float64Array, equity: Float64Array, initialEquity: number) {
  let peak = initialEquity;
  let peakTime = equity.length > 0 ? time[0]! : 0;
  let maxDrawdown = 0;
  let durationMs = 0;
  for (let t = 0; t < equity.length; t++) {
    const value = equity[t]!;
    if (value >= peak) {
      peak = value;
      peakTime = time[t]!;
    } else {
      const drawdown = (peak - value) / peak;
      if (drawdown > maxDrawdown) maxDrawdown = drawdown;
      // Underwater from the peak bar's close to this bar's close.
      const underwater = time[t]! - peakTime;
      if (underwater > durationMs) durationMs = underwater;
    }
  }
  return { maxDrawdown, durationMs };
}

/** Returns of the last equity of each UTC day against the previous day's (the first against initial). */
export function dailyReturns(time: Float64Array, equity: Float64Array, initialEquity: number): number[] {
  const returns: number[] = [];
  const n = equity.length;
  let previous = initialEquity;
  // Each bar's UTC day is computed once and carried to the next bar's comparison.
  let day = n > 0 ? Math.floor(time[0]! / DAY_MS) : 0;
  for (let t = 0; t < n; t++) {
    const nextDay = t === n - 1 ? Number.NaN : Math.floor(time[t + 1]! / DAY_MS);
    if (nextDay !== day) {
      returns.push(equity[t]! / previous - 1);
      previous = equity[t]!;
    }
    day = nextDay;
  }
  return returns;
}

function ratios(daily: readonly number[], daysPerYear: number) {
  if (daily.length < 2) return { sharpe: null, sortino: null };
  let sum = 0;
  for (const r of daily) sum += r;
  const mean = sum / daily.length;
  let squares = 0;
  let downside = 0;
  for (const r of daily) {
    squares += (r - mean) ** 2;
    if (r < 0) downside += r * r;
  }
  const std = Math.sqrt(squares / (daily.length - 1));
  const downsideDeviation = Math.sqrt(downside / daily.length);
  const scale = Math.sqrt(daysPerYear);
  return {
    sharpe: std > 0 ? (mean / std) * scale : null,
    sortino: downsideDeviation > 0 ? (mean / downsideDeviation) * scale : null,
  };
}
