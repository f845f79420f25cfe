// Throughput of the skeleton check's candle reader on the bundled BTC/USDT 1h file.
import { join } from "node:path";
import { recordBench } from "../../../scripts/bench-record.mjs";
import { candlesDir, summariseCandleFile } from "../src/index.ts";

const path = join(candlesDir, "binance_BTCUSDT_1h.csv.gz");
await summariseCandleFile(path, "1h", () => {}); // warm-up
const times: number[] = [];
let rows = 0;
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  rows = (await summariseCandleFile(path, "1h", () => {})).rows;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[2]!;
recordBench({
  name: "skeleton: read + summarise BTC/USDT 1h gz CSV",
  unit: "ms",
  value: Math.round(median * 10) / 10,
});
recordBench({
  name: "skeleton: candle rows read per second",
  unit: "rows/s",
  value: Math.round(rows / (median / 1000)),
});
