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

const engines: { name: string; run: Run }[] = [
  { name: "this tree", run: (await import("../src/run-backtest.ts")).runBacktest as unknown as Run },
];
const other = process.argv[2];
if (other !== undefined) {
  const module = await import(pathToFileURL(resolve(other)).href);
  engines.unshift({ name: other, run: module.runBacktest as Run });
}

const pairs = PAIRS.map((p) => ({ symbol: `${p}/USDT`, candles: loadCandles(`binance_${p}USDT_1h.csv.gz`) }));
const total = pairs.reduce((sum, p) => sum + p.candles.time.length, 0);
const doNothing = () => ({ step: () => {} });

const best = engines.map(() => Number.POSITIVE_INFINITY);
for (let r = 0; r < REPEATS; r++) {
  engines.forEach((engine, e) => {
    const t0 = performance.now();
    for (const p of pairs) engine.run({ createStrategy: doNothing, candles: { [p.symbol]: p.candles } });
    best[e] = Math.min(best[e]!, performance.now() - t0);
  });
}
engines.forEach((engine, e) => {
  const ns = ((best[e]! * 1e6) / total).toFixed(1);
  console.log(
    `simulator only (do-nothing), ${total} candles, best of ${REPEATS}, ${engine.name}: ${ns} ns/candle`,
  );
});
