/**
 * `tradegraph backtest`: runs a strategy graph over a candle file and prints a summary, or
 * `{ metrics, trades, equity, settings, models }` as JSON (metric keys as in docs/metrics.md).
 */
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { applyDotEnv, modelsDirFrom } from "@tradegraph/config";
import {
  type BacktestResult,
  equityPoints,
  GraphCompileError,
  runBacktest,
  windowColumns,
} from "@tradegraph/engine";
import { decodeCandleBytes, isTimeframe, parseCandleText, TIMEFRAME_MS } from "@tradegraph/market-data";
import { installOnnxRuntime } from "@tradegraph/ml-onnx";
import type { Command } from "commander";

export interface BacktestCommandOptions {
  graph: string;
  data: string;
  symbol?: string;
  timeframe?: string;
  from?: string;
  to?: string;
  cash?: string;
  fee?: string;
  slippageBps?: string;
  fill?: string;
  modelsDir?: string;
  json?: boolean;
}

export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

/** A problem the user can fix; printed as one line (or several for a list) without a stack trace. */
class UsageError extends Error {}

export function registerBacktestCommand(program: Command, output: CommandOutput = processOutput): void {
  program
    .command("backtest")
    .description("Backtest a strategy graph on a candle file (time,open,high,low,close,volume; .gz or plain)")
    .requiredOption("--graph <file>", "strategy graph JSON (see docs/graph-format.md)")
    .requiredOption(
      "--data <file>",
      "candles: CSV time,open,high,low,close,volume (epoch ms or ISO), gzipped or not",
    )
    .option("--symbol <symbol>", "symbol name, e.g. BTC/USDT (default: from the file name)")
    .option("--timeframe <tf>", "candle timeframe, e.g. 1h (default: from the file name or the data)")
    .option("--from <iso>", "first candle open time to include (ISO date)")
    .option("--to <iso>", "first candle open time to leave out (ISO date)")
    .option("--cash <amount>", "starting cash in the quote currency", "10000")
    .option("--fee <rate>", "taker and maker fee as a fraction (0.001 = 0.1%)", "0.001")
    .option("--slippage-bps <bps>", "slippage on market and stop fills, in basis points", "0")
    .option("--fill <model>", "market fills: next-open or close", "next-open")
    .option(
      "--models-dir <dir>",
      "folder of the ONNX files `model: onnx` predictors load (default: MODELS_DIR, else models/ in the repository)",
    )
    .option("--json", "print { metrics, trades, equity, settings, models } as JSON")
    .action(async (options: BacktestCommandOptions) => {
      process.exitCode = await backtestCommand(options, output);
    });
}

const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Runs the command; returns the exit code (0 ok, 1 a problem reported on stderr). */
export async function backtestCommand(
  options: BacktestCommandOptions,
  output: CommandOutput,
): Promise<number> {
  try {
    const graph = await readGraph(options.graph);
    const text = await readText(options.data);
    const timeframe =
      options.timeframe ?? timeframeFromName(options.data) ?? timeframeFromData(text, options.data);
    if (!isTimeframe(timeframe)) {
      throw new UsageError(
        `--timeframe: "${timeframe}" is not one of ${Object.keys(TIMEFRAME_MS).join(", ")}`,
      );
    }
    const parsed = parseCandleText(text, { timeframe });
    if (!parsed.ok) {
      const lines = parsed.errors.map((e) => `${options.data}:${e.line}: ${e.message}`);
      if (parsed.errorCount > parsed.errors.length)
        lines.push(`… ${parsed.errorCount - parsed.errors.length} more problems`);
      throw new UsageError(lines.join("\n"));
    }
    const from = parseDate("--from", options.from, Number.NEGATIVE_INFINITY);
    const to = parseDate("--to", options.to, Number.POSITIVE_INFINITY);
    const candles = windowColumns(parsed.candles, from, to);
    if (candles.time.length === 0)
      throw new UsageError(`${options.data}: no candles between --from and --to`);
    const symbol = options.symbol ?? symbolFromName(options.data);
    const fee = parseNumber("--fee", options.fee ?? "0.001");
    const fill = options.fill ?? "next-open";
    if (fill !== "next-open" && fill !== "close")
      throw new UsageError(`--fill: use next-open or close, not "${fill}"`);
    installOnnxRuntime(modelsDirOf(options));
    const result = runBacktest({
      graph,
      candles: { [symbol]: candles },
      timeframeMs: TIMEFRAME_MS[timeframe],
      settings: {
        initialCash: parseNumber("--cash", options.cash ?? "10000"),
        fees: { maker: fee, taker: fee },
        slippage: { mode: "bps", bps: parseNumber("--slippage-bps", options.slippageBps ?? "0") },
        fill: fill === "close" ? "close" : "nextOpen",
      },
    });
    if (options.json) {
      output.out(
        JSON.stringify({
          metrics: result.metrics,
          trades: result.trades,
          equity: equityPoints(result),
          settings: result.settings,
          models: result.models,
        }),
      );
    } else output.out(summary(result, symbol, timeframe, basename(options.graph)));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof GraphCompileError) output.err(error.message);
    else if (error instanceof Error) output.err(`backtest failed: ${error.message}`);
    else output.err(`backtest failed: ${String(error)}`);
    return 1;
  }
}

/** --models-dir, else MODELS_DIR from the environment or the nearest .env, else the default. */
function modelsDirOf(options: BacktestCommandOptions): string {
  if (options.modelsDir) return resolve(options.modelsDir);
  const env = { ...process.env };
  applyDotEnv(process.cwd(), env);
  return modelsDirFrom(env);
}

async function readGraph(path: string): Promise<unknown> {
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--graph: cannot read ${path} (${error.code ?? error.message})`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

async function readText(path: string): Promise<string> {
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--data: cannot read ${path} (${error.code ?? error.message})`);
  });
  try {
    return decodeCandleBytes(bytes);
  } catch (error) {
    throw new UsageError(`${path}: cannot decompress (${(error as Error).message})`);
  }
}

function parseNumber(option: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) {
    throw new UsageError(`${option}: "${text}" is not a non-negative number`);
  }
  return value;
}

function parseDate(option: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const time = Date.parse(text);
  if (Number.isNaN(time))
    throw new UsageError(`${option}: "${text}" is not an ISO date (e.g. 2024-01-31 or 2024-01-31T12:00Z)`);
  return time;
}

/** `binance_BTCUSDT_1h.csv.gz` → 1h. */
export function timeframeFromName(path: string): string | undefined {
  const match = /[_-](\d+[mhd])(?=[._-])/i.exec(basename(path));
  return match && isTimeframe(match[1]!) ? match[1] : undefined;
}

/** The smallest step between the first rows' times, as a timeframe name. */
function timeframeFromData(text: string, path: string): string {
  const times: number[] = [];
  for (const line of text.split(/\r?\n/, 60)) {
    const cell = line.split(",")[0]?.trim() ?? "";
    const time = /^\d+$/.test(cell) ? Number(cell) : Date.parse(cell);
    if (Number.isFinite(time)) times.push(time);
  }
  let step = Number.POSITIVE_INFINITY;
  for (let k = 1; k < times.length; k++) {
    const d = times[k]! - times[k - 1]!;
    if (d > 0 && d < step) step = d;
  }
  const name = Object.entries(TIMEFRAME_MS).find(([, ms]) => ms === step)?.[0];
  if (!name) throw new UsageError(`${path}: cannot tell the timeframe from the data; pass --timeframe`);
  return name;
}

/** `binance_BTCUSDT_1h.csv.gz` → BTC/USDT. */
export function symbolFromName(path: string): string {
  const match = /([A-Z0-9]+?)(USDT|USDC|BUSD|FDUSD|BTC|ETH|EUR|USD)(?=[._-])/.exec(basename(path));
  return match ? `${match[1]}/${match[2]}` : "SYMBOL";
}

function summary(result: BacktestResult, symbol: string, timeframe: string, graphName: string): string {
  const m = result.metrics;
  const s = result.settings;
  const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(2)}%`);
  const num = (x: number | null, digits = 2) => (x === null ? "n/a" : x.toFixed(digits));
  const first = new Date(result.time[0]!).toISOString();
  const last = new Date(result.time[result.time.length - 1]!).toISOString();
  const reasons = new Map<string, number>();
  for (const trade of result.trades) reasons.set(trade.exitReason, (reasons.get(trade.exitReason) ?? 0) + 1);
  const rows: [string, string][] = [
    ["Total return", `${pct(m.totalReturn)}  (optimistic intrabar: ${pct(m.optimisticTotalReturn)})`],
    ["Buy and hold", pct(m.buyAndHoldReturn)],
    ["CAGR", pct(m.cagr)],
    ["Final equity", num(m.finalEquity)],
    ["Max drawdown", `${pct(m.maxDrawdown)} over ${num(m.maxDrawdownDurationDays, 1)} days`],
    ["Sharpe / Sortino / Calmar", `${num(m.sharpe)} / ${num(m.sortino)} / ${num(m.calmar)}`],
    ["Trades", `${m.trades}  (win rate ${pct(m.winRate)}, profit factor ${num(m.profitFactor)})`],
    [
      "Expectancy / avg win / avg loss",
      `${num(m.expectancy)} / ${num(m.averageWin)} / ${num(m.averageLoss)}`,
    ],
    ["Exposure / avg holding", `${pct(m.exposureTime)} / ${num(m.averageHoldingHours, 1)} h`],
    ["Fees / slippage paid", `${num(m.feesPaid)} / ${num(m.slippageCost)}`],
    ["Ambiguous bars / denied orders", `${m.ambiguousBars} / ${m.deniedOrders}`],
    ["Exit reasons", [...reasons].map(([reason, count]) => `${reason} ${count}`).join(", ") || "none"],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    `${graphName} on ${symbol} ${timeframe}, ${result.time.length} candles ${first} → ${last}`,
    `fill ${s.fill}, fees taker ${s.fees.taker} maker ${s.fees.maker}, slippage ${s.slippage.mode === "bps" ? `${s.slippage.bps} bps` : `${s.slippage.fraction} ATR`}, ${s.positions}, cash ${s.initialCash}`,
    "",
    ...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`),
  ].join("\n");
}
