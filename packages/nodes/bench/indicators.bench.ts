/**
 * ns per bar of every indicator node over the full BTCUSDT 1h history (~72,900 real candles), stepping
 * through `init` + `step` exactly as the evaluator does. For a few, the same indicator from the
 * `technicalindicators` package is timed in the same run (baseline) so the ratio is machine-independent.
 */
import { createRequire } from "node:module";
import { recordBench } from "../../../scripts/bench-record.mjs";
import { indicatorNodes } from "../src/catalog/indicator/index.ts";
import type { AnyNodeDefinition } from "../src/contract.ts";
import { loadBundledCandles, runNode } from "../src/testing/run-node.ts";

type Calculate = (input: Record<string, unknown>) => unknown[];
const ti = createRequire(import.meta.url)("technicalindicators") as Record<string, { calculate: Calculate }>;

const candles = loadBundledCandles("binance_BTCUSDT_1h.csv.gz");
const n = candles.close.length;
const plain = {
  close: Array.from(candles.close),
  high: Array.from(candles.high),
  low: Array.from(candles.low),
  open: Array.from(candles.open),
  volume: Array.from(candles.volume),
};

/** Best of `rounds` timings (after one warm-up run), in ns per bar. */
function nsPerBar(run: () => void, rounds = 7): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start));
  }
  return best / n;
}

function runIndicator(node: AnyNodeDefinition): void {
  const input = "source" in node.inputs ? { source: candles.close } : { candles };
  runNode(node, {}, input);
}

/** technicalindicators equivalents with our default params (their API computes a whole array at once). */
const BASELINES: Record<string, () => unknown> = {
  "indicator.sma": () => ti.SMA!.calculate({ period: 20, values: plain.close }),
  "indicator.ema": () => ti.EMA!.calculate({ period: 20, values: plain.close }),
  "indicator.wma": () => ti.WMA!.calculate({ period: 20, values: plain.close }),
  "indicator.rsi": () => ti.RSI!.calculate({ period: 14, values: plain.close }),
  "indicator.macd": () =>
    ti.MACD!.calculate({
      fastPeriod: 12,
      slowPeriod: 26,
      signalPeriod: 9,
      values: plain.close,
      SimpleMAOscillator: false,
      SimpleMASignal: false,
    }),
  "indicator.bollinger": () => ti.BollingerBands!.calculate({ period: 20, stdDev: 2, values: plain.close }),
  "indicator.atr": () =>
    ti.ATR!.calculate({ period: 14, high: plain.high, low: plain.low, close: plain.close }),
  "indicator.adx": () =>
    ti.ADX!.calculate({ period: 14, high: plain.high, low: plain.low, close: plain.close }),
  "indicator.stochastic": () =>
    ti.Stochastic!.calculate({
      period: 14,
      signalPeriod: 3,
      high: plain.high,
      low: plain.low,
      close: plain.close,
    }),
  "indicator.cci": () =>
    ti.CCI!.calculate({ period: 20, high: plain.high, low: plain.low, close: plain.close }),
  "indicator.mfi": () =>
    ti.MFI!.calculate({
      period: 14,
      high: plain.high,
      low: plain.low,
      close: plain.close,
      volume: plain.volume,
    }),
  "indicator.obv": () => ti.OBV!.calculate({ close: plain.close, volume: plain.volume }),
  "indicator.williamsR": () =>
    ti.WilliamsR!.calculate({ period: 14, high: plain.high, low: plain.low, close: plain.close }),
  "indicator.parabolicSar": () =>
    ti.PSAR!.calculate({ step: 0.02, max: 0.2, high: plain.high, low: plain.low }),
};

function benchIndicators(): void {
  console.log(`# ${indicatorNodes.length} indicator nodes over ${n} BTCUSDT 1h candles, default params`);
  for (const node of indicatorNodes) {
    const ours = nsPerBar(() => runIndicator(node));
    const baselineRun = BASELINES[node.type];
    const name = `${node.type} step (ns/bar, ${n} BTCUSDT 1h bars)`;
    if (baselineRun) {
      const baseline = nsPerBar(baselineRun, 3);
      recordBench({
        name,
        unit: "ns/bar",
        value: round(ours),
        baseline: round(baseline),
        ratio: round(ours / baseline, 3),
      });
    } else {
      recordBench({ name, unit: "ns/bar", value: round(ours) });
    }
  }
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

benchIndicators();
