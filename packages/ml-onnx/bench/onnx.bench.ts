/**
 * Cost per bar of the ML predictor running an ONNX model (a 2-feature linear model built in-process) on
 * 20,000 real BTC/USDT 1h candles: one synchronous onnxruntime session call per bar, no retraining.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mlPredictorNode, setModelRuntime } from "@tradegraph/nodes";
import { recordBench } from "../../../scripts/bench-record.mjs";
import { loadBundledCandles, runNode, sliceCandles } from "../../nodes/src/testing/run-node.ts";
import { createOnnxRuntime } from "../src/index.ts";
import { linearOnnxModel } from "../src/testing/onnx-builder.ts";

const BARS = 20_000;
const dir = mkdtempSync(join(tmpdir(), "tradegraph-onnx-bench-"));
try {
  writeFileSync(join(dir, "model.onnx"), linearOnnxModel([[2], [-1]], [0], true));
  setModelRuntime(createOnnxRuntime({ baseDir: dir }));
  const candles = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 40_000, 40_000 + BARS);
  const n = candles.close.length;
  const range = Float64Array.from(
    { length: n },
    (_, i) => (candles.high[i]! - candles.low[i]!) / candles.close[i]!,
  );
  const change = Float64Array.from({ length: n }, (_, i) =>
    i === 0 ? 0 : candles.close[i]! / candles.close[i - 1]! - 1,
  );
  const inputs = { features: [range, change], candles };
  runNode(mlPredictorNode, { model: "onnx", modelFile: "model.onnx" }, inputs); // warm-up
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    runNode(mlPredictorNode, { model: "onnx", modelFile: "model.onnx" }, inputs);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / BARS);
  }
  recordBench({
    name: `ml.predictor onnx direction (linear+sigmoid, BTC/USDT 1h, ${BARS} bars)`,
    unit: "ns/bar",
    value: Math.round(best),
  });
} finally {
  setModelRuntime(null);
  rmSync(dir, { recursive: true, force: true });
}
