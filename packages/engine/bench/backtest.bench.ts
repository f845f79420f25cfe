/**
 * npm run bench: the full backtest (plan evaluation + simulation) of a 10-node strategy over the ten
 * bundled 1h pairs (~630k real candles) against a hand-written single loop doing the same work, in the
 * same run; and ns/candle on the BTC 1m file extrapolated to a year of 1-minute candles.
 */

import { backtestSettingsSchema } from "@tradegraph/contracts";
import { compile, createEvaluator, GraphBuilder } from "@tradegraph/nodes";
import { recordBench } from "../../../scripts/bench-record.mjs";
import { runBacktest } from "../src/run-backtest.ts";
import { handLoop } from "./hand-loop.ts";
import { loadCandles } from "./load-candles.ts";

const PAIRS = ["BTC", "ETH", "BNB", "XRP", "ADA", "LINK", "DOGE", "SOL", "DOT", "AVAX"];
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

function benchStrategy() {
  const b = new GraphBuilder("EMA 12/26 cross with a 2% stop");
  b.add("data.candles", {}, {}, "candles");
  b.add("data.price", { field: "close" }, { candles: "candles.candles" }, "close");
  b.add("indicator.ema", { period: 12 }, { source: "close.value" }, "fast");
  b.add("indicator.ema", { period: 26 }, { source: "close.value" }, "slow");
  b.add("logic.crossOver", {}, { a: "fast.value", b: "slow.value" }, "up");
  b.add("logic.crossUnder", {}, { a: "fast.value", b: "slow.value" }, "down");
  b.add("order.stopLoss", { mode: "percent", percent: 2 }, {}, "stop");
  b.add("risk.maxPositionSize", { maxPercent: 100 }, {}, "cap");
  b.add("order.enterLong", {}, { when: "up.crossed", risk: "cap.risk", exits: ["stop.rule"] }, "buy");
  b.add("order.exit", {}, { when: "down.crossed" }, "sell");
  const compiled = compile(b.build());
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return compiled.plan;
}

const plan = benchStrategy();
const pairs = PAIRS.map((p) => ({ symbol: `${p}/USDT`, candles: loadCandles(`binance_${p}USDT_1h.csv.gz`) }));
const totalCandles = pairs.reduce((sum, p) => sum + p.candles.time.length, 0);

let engineBest = Number.POSITIVE_INFINITY;
let loopBest = Number.POSITIVE_INFINITY;
for (let r = 0; r < REPEATS; r++) {
  // Alternate engine and loop so both see the same machine load.
  let t0 = performance.now();
  const engineEquity = pairs.map(
    (p) => runBacktest({ plan, candles: { [p.symbol]: p.candles } }).metrics.finalEquity,
  );
  engineBest = Math.min(engineBest, performance.now() - t0);
  t0 = performance.now();
  const loopEquity = pairs.map((p) => handLoop(p.candles, 10_000).equity);
  loopBest = Math.min(loopBest, performance.now() - t0);
  pairs.forEach((p, k) => {
    const a = engineEquity[k]!;
    const b = loopEquity[k]!;
    if (Math.abs(a - b) > 1e-6 * Math.abs(b)) {
      throw new Error(
        `${p.symbol}: engine equity ${a} differs from the hand loop's ${b}; the bench is not comparing like with like`,
      );
    }
  });
}
const engineNs = (engineBest * 1e6) / totalCandles;
const loopNs = (loopBest * 1e6) / totalCandles;
console.log(
  `${totalCandles} candles, best of ${REPEATS}: engine ${engineBest.toFixed(0)} ms, hand loop ${loopBest.toFixed(1)} ms`,
);
recordBench({
  name: `engine: 10-node EMA cross backtest, ten 1h pairs (${totalCandles} candles), vs hand-written loop`,
  unit: "ns/candle",
  value: engineNs,
  baseline: loopNs,
});

// Where the time goes: the plan evaluator alone (no simulator) and the engine alone (a do-nothing strategy).
let evaluatorBest = Number.POSITIVE_INFINITY;
let engineOnlyBest = Number.POSITIVE_INFINITY;
const account = { ...backtestSettingsSchema.parse({}), equity: 10_000, positionQuantity: 0 } as never;
for (let r = 0; r < REPEATS; r++) {
  let t0 = performance.now();
  for (const p of pairs) {
    const evaluator = createEvaluator(plan, {
      symbol: p.symbol,
      timeframeMs: 3_600_000,
      candles: p.candles,
      account,
      emit: () => {},
    });
    for (let i = 0; i < p.candles.time.length; i++) evaluator.step(i);
  }
  evaluatorBest = Math.min(evaluatorBest, performance.now() - t0);
  t0 = performance.now();
  for (const p of pairs)
    runBacktest({ createStrategy: () => ({ step: () => {} }), candles: { [p.symbol]: p.candles } });
  engineOnlyBest = Math.min(engineOnlyBest, performance.now() - t0);
}
recordBench({
  name: "engine breakdown: plan evaluator alone (same 10 nodes, ten 1h pairs)",
  unit: "ns/candle",
  value: (evaluatorBest * 1e6) / totalCandles,
  baseline: loopNs,
});
recordBench({
  name: "engine breakdown: simulator, risk stage and results with a do-nothing strategy",
  unit: "ns/candle",
  value: (engineOnlyBest * 1e6) / totalCandles,
  baseline: loopNs,
});

const minute = loadCandles("binance_BTCUSDT_1m.csv.gz");
let minuteBest = Number.POSITIVE_INFINITY;
for (let r = 0; r < REPEATS; r++) {
  const t0 = performance.now();
  runBacktest({ plan, candles: { "BTC/USDT": minute } });
  minuteBest = Math.min(minuteBest, performance.now() - t0);
}
const minuteNs = (minuteBest * 1e6) / minute.time.length;
const yearMs = (minuteNs * 525_600) / 1e6;
console.log(
  `BTC 1m: ${minute.time.length} candles in ${minuteBest.toFixed(0)} ms → a year of 1m candles ≈ ${yearMs.toFixed(0)} ms`,
);
recordBench({ name: "engine: 10-node backtest on BTC/USDT 1m", unit: "ns/candle", value: minuteNs });
recordBench({ name: "engine: one year of 1m candles (525,600), extrapolated", unit: "ms", value: yearMs });
