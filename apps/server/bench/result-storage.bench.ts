// How compact and how fast the stored backtest result is: a full BTC/USDT 1h history backtested with
// the SMA 20/50 crossover, stored as gzip'd JSON with equity as columns (contracts: encodeRunResult),
// compared with plain JSON of the engine's point-per-bar form.
import { decodeRunResult, encodeRunResult } from "@tradegraph/contracts";
import { compileGraph, planStrategy, resultToJson, runBacktest } from "@tradegraph/engine";
import { bundledFile, readCandleFile } from "@tradegraph/market-data";
import type { CandleColumns } from "@tradegraph/nodes";
import { recordBench } from "../../../scripts/bench-record.mjs";
import { smaCrossover } from "../test/fixtures/graphs.ts";

const parsed = await readCandleFile(bundledFile("BTC/USDT", "1h").path, { timeframe: "1h" });
if (!parsed.ok) throw new Error("bundled BTC/USDT 1h candles do not parse");
const candles = parsed.candles as CandleColumns;
const result = runBacktest({
  candles: { "BTC/USDT": candles },
  createStrategy: planStrategy(compileGraph(smaCrossover())),
  settings: { initialCash: 10_000 },
});
const plain = JSON.stringify(resultToJson(result));
const stored = {
  ...resultToJson(result),
  equity: {
    time: Array.from(result.time),
    equity: Array.from(result.equity),
    drawdown: Array.from(result.drawdown),
  },
};

const median = (f: () => void) => {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[3]!;
};
let bytes = encodeRunResult(stored);
const encodeMs = median(() => {
  bytes = encodeRunResult(stored);
});
const decodeMs = median(() => decodeRunResult(bytes));
const parsePlainMs = median(() => JSON.parse(plain));

const label = `${candles.time.length} bars, ${result.trades.length} trades`;
recordBench({
  name: `server: stored backtest result size (${label})`,
  unit: "bytes",
  value: bytes.length,
  baseline: plain.length,
});
recordBench({
  name: "server: encode stored result (gzip JSON)",
  unit: "ms",
  value: Math.round(encodeMs * 10) / 10,
});
recordBench({
  name: "server: load stored result (gunzip + JSON.parse) vs JSON.parse of plain JSON",
  unit: "ms",
  value: Math.round(decodeMs * 10) / 10,
  baseline: Math.round(parsePlainMs * 10) / 10,
});
