import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { mlPredictorNode, type PredictorState, predictorReport, setModelRuntime } from "@tradegraph/nodes";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { loadBundledCandles, runNode, sliceCandles } from "../../nodes/src/testing/run-node.ts";
import { createOnnxRuntime } from "../src/index.ts";
import { linearOnnxModel } from "../src/testing/onnx-builder.ts";

// Walk-forward training on real candles takes seconds under a busy CI machine; never a timing assertion.
vi.setConfig({ testTimeout: 120_000 });

/** Features from real BTC/USDT 1h candles: the bar's range as a fraction of close, and the 1-bar return. */
function features(candles: ReturnType<typeof loadBundledCandles>): Float64Array[] {
  const n = candles.close.length;
  const range = Float64Array.from(
    { length: n },
    (_, i) => (candles.high[i]! - candles.low[i]!) / candles.close[i]!,
  );
  const change = Float64Array.from({ length: n }, (_, i) =>
    i === 0 ? Number.NaN : candles.close[i]! / candles.close[i - 1]! - 1,
  );
  return [range, change];
}

describe("ONNX models trained elsewhere, run through the ML predictor node", () => {
  const dir = mkdtempSync(join(tmpdir(), "tradegraph-onnx-"));
  const candles = sliceCandles(loadBundledCandles("binance_BTCUSDT_1h.csv.gz"), 0, 500);
  const inputs = { features: features(candles), candles };

  beforeAll(() => {
    // P(up) = range + 0.5: one float32 addition, so the expected value is exact (x·1 and x·0 are exact).
    writeFileSync(join(dir, "pup.onnx"), linearOnnxModel([[1], [0]], [0.5], false));
    // Two columns [P(down), P(up)] = [0.75 − range, 0.25 + range]; a return model: 1-bar return × 0.5.
    writeFileSync(
      join(dir, "two.onnx"),
      linearOnnxModel(
        [
          [-1, 1],
          [0, 0],
        ],
        [0.75, 0.25],
        false,
      ),
    );
    writeFileSync(join(dir, "ret.onnx"), linearOnnxModel([[0], [0.5]], [0], false));
    writeFileSync(join(dir, "sigmoid.onnx"), linearOnnxModel([[0], [100]], [0], true));
    setModelRuntime(createOnnxRuntime({ baseDir: dir }));
  });
  afterAll(() => {
    setModelRuntime(null);
    rmSync(dir, { recursive: true, force: true });
  });

  const f32 = Math.fround;

  test("a [1,1] output is P(up): exact float32 values from the first complete row, no training", () => {
    const run = runNode(mlPredictorNode, { model: "onnx", modelFile: "pup.onnx" }, inputs);
    const range = inputs.features[0]!;
    for (let i = 1; i < 500; i++) {
      expect(run.out.probability[i]).toBe(f32(f32(range[i]!) + 0.5));
      expect(run.out.confidence[i]).toBe(Math.abs(2 * f32(f32(range[i]!) + 0.5) - 1));
    }
    // Bar 0 has no 1-bar return, so the row is incomplete and the node is not ready.
    expect(run.out.probability[0]).toBeNaN();
    const report = predictorReport(run.state as PredictorState);
    expect(report.windows).toHaveLength(0);
    expect(report.overall.count).toBe(499 - 4);
  });

  test("a [1,2] output is read as [P(down), P(up)]", () => {
    const run = runNode(mlPredictorNode, { model: "onnx", modelFile: "two.onnx" }, inputs);
    const range = inputs.features[0]!;
    for (let i = 1; i < 500; i++) expect(run.out.probability[i]).toBe(f32(f32(range[i]!) + 0.25));
  });

  test("return target reads the single output as the predicted return", () => {
    const run = runNode(mlPredictorNode, { model: "onnx", modelFile: "ret.onnx", target: "return" }, inputs);
    const change = inputs.features[1]!;
    for (let i = 1; i < 500; i++) expect(run.out.probability[i]).toBe(f32(f32(change[i]!) * 0.5));
  });

  test("a sigmoid model gives probabilities in (0, 1) ordered like its input", () => {
    const run = runNode(mlPredictorNode, { model: "onnx", modelFile: "sigmoid.onnx" }, inputs);
    const change = inputs.features[1]!;
    for (let i = 2; i < 500; i++) {
      const p = run.out.probability[i]!;
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
      expect(Math.abs(p - 1 / (1 + Math.exp(-100 * change[i]!)))).toBeLessThan(1e-6);
    }
  });

  test("a direction model whose output leaves [0, 1] is refused, naming the node, file and value", () => {
    // 100 × range + 0.5 exceeds 1 on any bar whose range is over 0.5% of its close.
    writeFileSync(join(dir, "linear.onnx"), linearOnnxModel([[100], [0]], [0.5], false));
    expect(() => runNode(mlPredictorNode, { model: "onnx", modelFile: "linear.onnx" }, inputs)).toThrow(
      /\.modelFile: "linear\.onnx" returned -?\d+\.\d+ where a probability in \[0, 1\] was expected/,
    );
    // The same file is a valid return model: no probability is expected of it.
    const run = runNode(
      mlPredictorNode,
      { model: "onnx", modelFile: "linear.onnx", target: "return" },
      inputs,
    );
    expect(Math.max(...run.out.probability.filter(Number.isFinite))).toBeGreaterThan(1);
  });

  test("no look-ahead: candles after bar t never change outputs at or before t", () => {
    const reference = runNode(mlPredictorNode, { model: "onnx", modelFile: "sigmoid.onnx" }, inputs);
    for (const t of [50, 250, 420]) {
      const changed = sliceCandles(candles, 0, 500);
      for (let i = t + 1; i < 500; i++) {
        changed.close[i] = changed.close[i]! * (i % 2 === 0 ? 1.05 : 0.95);
        changed.high[i] = changed.high[i]! * 1.06;
      }
      const run = runNode(
        mlPredictorNode,
        { model: "onnx", modelFile: "sigmoid.onnx" },
        { features: features(changed), candles: changed },
      );
      for (let i = 0; i <= t; i++)
        expect(Object.is(run.out.probability[i], reference.out.probability[i])).toBe(true);
      expect(run.out.probability[t + 2]).not.toBe(reference.out.probability[t + 2]);
    }
  });

  test("paths resolve inside the models folder; any path leaving it is refused before reading", () => {
    mkdirSync(join(dir, "btc"), { recursive: true });
    writeFileSync(join(dir, "btc", "pup.onnx"), linearOnnxModel([[1], [0]], [0.5], false));
    const range = inputs.features[0]!;
    for (const modelFile of ["btc/pup.onnx", "btc/../pup.onnx", join(dir, "pup.onnx")]) {
      const run = runNode(mlPredictorNode, { model: "onnx", modelFile }, inputs);
      expect(run.out.probability[7]).toBe(f32(f32(range[7]!) + 0.5));
    }
    // A real ONNX file just outside the folder: refused although it exists and is valid.
    const outside = join(dir, "..", `${basename(dir)}-outside.onnx`);
    writeFileSync(outside, linearOnnxModel([[1], [0]], [0.5], false));
    try {
      for (const modelFile of [`../${basename(outside)}`, outside, "btc/../../x.onnx", "/etc/passwd", ".."]) {
        expect(() =>
          runNode(mlPredictorNode, { model: "onnx", modelFile }, inputs, { nodeId: "m9" }),
        ).toThrow(
          `m9.modelFile: "${modelFile}" is outside the models folder (MODELS_DIR); give a path inside it`,
        );
      }
    } finally {
      rmSync(outside, { force: true });
    }
  });

  test("errors name the node, the file and what does not fit", () => {
    expect(() =>
      runNode(mlPredictorNode, { model: "onnx", modelFile: "missing.onnx" }, inputs, { nodeId: "m1" }),
    ).toThrow('m1.modelFile: cannot read ONNX model "missing.onnx" (ENOENT)');
    const three = { features: [...inputs.features, inputs.features[0]!], candles };
    expect(() =>
      runNode(mlPredictorNode, { model: "onnx", modelFile: "pup.onnx" }, three, { nodeId: "m2" }),
    ).toThrow('m2.modelFile: "pup.onnx" expects 2 features but 3 are connected');
    writeFileSync(join(dir, "junk.onnx"), "not a model");
    expect(() =>
      runNode(mlPredictorNode, { model: "onnx", modelFile: "junk.onnx" }, inputs, { nodeId: "m3" }),
    ).toThrow(/^m3\.modelFile: "junk\.onnx" is not a valid ONNX model/);
  });
});
