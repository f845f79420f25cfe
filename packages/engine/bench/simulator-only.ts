/**
 * The simulator alone: a do-nothing strategy over the ten bundled 1h pairs, best of N, in ns/candle.
 * `tsx bench/simulator-only.ts [other/run-backtest.ts]`: with a second engine copy (e.g. the previous
 * commit's src), both are timed alternately in one process so they see the same machine load.
 * Also the input for `node --import tsx --cpu-prof bench/simulator-only.ts`.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadCandles } from "./load-candles.ts";

type Run = (input: { createStrategy: () => { step(i: number): void }; candles: Record<string, unknown> }) => {
  metrics: { finalEquity: number };
};

const PAIRS = ["BTC", "ETH", "BNB", "XRP", "ADA", "LINK", "DOGE", "SOL", "DOT", "AVAX"];
const REPEATS = Number(process.env.BENCH_REPEATS ?? 15);

// `--only other/run-backtest.ts` times just that copy (separate processes avoid sharing JIT feedback).
const only = process.argv[2] === "--only";
const other = only ? process.argv[3] : process.argv[2];
const engines: { name: string; run: Run }[] = [];
if (other !== undefined) {
  const module = await import(pathToFileURL(resolve(other)).href);
  engines.push({ name: other, run: module.runBacktest as Run });
}
if (!only) {
  const module = await import("../src/run-backtest.ts");
  engines.push({ name: "this tree", run: module.runBacktest as unknown as Run });
}

const pairs = PAIRS.map((p) => ({ symbol: `${p}/USDT`, candles: loadCandles(`binance_${p}USDT_1h.csv.gz`) }));
const total = pairs.reduce((sum, p) => sum + p.candles.time.length, 0);
const doNothing = () => ({ step: () => {} });

// Wall time and this process's CPU time: on a loaded machine CPU time is the steadier of the two.
const best = engines.map(() => Number.POSITIVE_INFINITY);
const bestCpu = engines.map(() => Number.POSITIVE_INFINITY);
for (let r = 0; r < REPEATS; r++) {
  engines.forEach((engine, e) => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const p of pairs) engine.run({ createStrategy: doNothing, candles: { [p.symbol]: p.candles } });
    const cpu = process.cpuUsage(c0);
    best[e] = Math.min(best[e]!, performance.now() - t0);
    bestCpu[e] = Math.min(bestCpu[e]!, (cpu.user + cpu.system) / 1000);
  });
}
engines.forEach((engine, e) => {
  const ns = `${((best[e]! * 1e6) / total).toFixed(1)} ns/candle wall, ${((bestCpu[e]! * 1e6) / total).toFixed(1)} CPU`;
  console.log(`simulator only (do-nothing), ${total} candles, best of ${REPEATS}, ${engine.name}: ${ns}`);
});
