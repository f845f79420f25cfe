// Records one benchmark result so `npm run bench` can collect it into bench/results.json.
// Use from any package's bench script:
//   import { recordBench } from "../../../scripts/bench-record.mjs";
//   recordBench({ name: "sma(20) over BTC/USDT 1h", unit: "candles/s", value: 1.2e6 });
// Under `npm run bench` entries go to the file named by TRADEGRAPH_BENCH_OUT; otherwise they are
// printed as `BENCH {json}` lines (which bench.mjs also collects).
import { appendFileSync } from "node:fs";

/**
 * @param {{ name: string, unit: string, value: number, baseline?: number, ratio?: number }} entry
 * `baseline` is the value it is compared with (same unit); `ratio` defaults to value / baseline.
 */
export function recordBench(entry) {
  const { name, unit, value, baseline } = entry;
  if (typeof name !== "string" || name === "")
    throw new Error("recordBench: name must be a non-empty string");
  if (typeof unit !== "string" || unit === "")
    throw new Error(`recordBench(${name}): unit must be a non-empty string`);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`recordBench(${name}): value must be a finite number, got ${value}`);
  }
  if (baseline !== undefined && (typeof baseline !== "number" || !Number.isFinite(baseline))) {
    throw new Error(`recordBench(${name}): baseline must be a finite number, got ${baseline}`);
  }
  const record = { name, unit, value };
  if (baseline !== undefined) {
    record.baseline = baseline;
    record.ratio = entry.ratio ?? (baseline === 0 ? undefined : value / baseline);
    if (record.ratio === undefined) delete record.ratio;
  } else if (entry.ratio !== undefined) {
    record.ratio = entry.ratio;
  }
  const line = JSON.stringify(record);
  const out = process.env.TRADEGRAPH_BENCH_OUT;
  if (out) {
    appendFileSync(out, `${line}\n`);
    process.stderr.write(`bench: ${name} = ${value} ${unit}\n`);
  } else {
    process.stdout.write(`BENCH ${line}\n`);
  }
  return record;
}
