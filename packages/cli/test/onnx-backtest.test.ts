import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { expectedProbabilities, onnxStrategyGraph, onnxStrategyModel } from "@tradegraph/ml-onnx/testing";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = fileURLToPath(new URL("../bin/tradegraph.mjs", import.meta.url));
const candleFile = join(root, "data/candles/binance_BTCUSDT_1h.csv.gz");
const from = "2024-01-01";
const to = "2024-04-01";

/** The real CLI in a child process with the given environment; never throws on exit 1. */
async function tradegraph(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Closes of the backtest window, read straight from the bundled CSV (not through the CLI's parser). */
function windowCloses(): { time: number[]; close: number[] } {
  const rows = gunzipSync(readFileSync(candleFile)).toString("utf8").trim().split("\n").slice(1);
  const time: number[] = [];
  const close: number[] = [];
  for (const row of rows) {
    const cells = row.split(",");
    const t = Number(cells[0]);
    if (t >= Date.parse(from) && t < Date.parse(to)) {
      time.push(t);
      close.push(Number(cells[4]));
    }
  }
  return { time, close };
}

describe("tradegraph backtest with an ONNX model from the models folder", { timeout: 120_000 }, () => {
  const models = mkdtempSync(join(tmpdir(), "tg-cli-models-"));
  const work = mkdtempSync(join(tmpdir(), "tg-cli-graphs-"));
  const outside = join(models, "..", `${basename(models)}-outside.onnx`);
  mkdirSync(join(models, "btc"));
  writeFileSync(join(models, "btc", "change.onnx"), onnxStrategyModel());
  writeFileSync(outside, onnxStrategyModel());
  const graphFile = (name: string, modelFile: string) => {
    const file = join(work, name);
    writeFileSync(file, JSON.stringify(onnxStrategyGraph(modelFile)));
    return file;
  };
  afterAll(() => {
    for (const path of [models, work, outside]) rmSync(path, { recursive: true, force: true });
  });

  it("MODELS_DIR: the run succeeds and its predictions and trades are those of the model", async () => {
    const graph = graphFile("onnx.json", "btc/change.onnx");
    const args = ["backtest", "--graph", graph, "--data", candleFile, "--from", from, "--to", to, "--json"];
    const { code, stdout, stderr } = await tradegraph(args, { MODELS_DIR: models });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const { time, close } = windowCloses();
    const p = expectedProbabilities(close);
    expect(p.slice(1).every((x) => x >= 0 && x <= 1)).toBe(true);

    // Every scored prediction (outcome inside the run), binned by P(up) as the report does.
    const report = result.models.predictor["BTC/USDT"];
    expect(report.bars).toBe(close.length);
    const bins = new Map<number, number[]>();
    for (let i = 1; i + report.horizon < close.length; i++) {
      const bin = Math.min(9, Math.floor(p[i]! * 10));
      bins.set(bin, [...(bins.get(bin) ?? []), p[i]!]);
    }
    expect(bins.size).toBeGreaterThan(2);
    expect(report.calibration.map((b: { lower: number }) => Math.round(b.lower * 10))).toEqual(
      [...bins.keys()].sort((a, b) => a - b),
    );
    for (const bin of report.calibration) {
      const values = bins.get(Math.round(bin.lower * 10))!;
      expect(bin.count).toBe(values.length);
      expect(bin.meanPredicted).toBeCloseTo(values.reduce((a, v) => a + v, 0) / values.length, 12);
    }

    // Buy above 0.55, exit below 0.45, filled at the next bar's open.
    const entries: number[] = [];
    const exits: number[] = [];
    let long = false;
    for (let i = 0; i + 1 < close.length; i++) {
      if (!long && p[i]! > 0.55) entries.push(time[i + 1]!);
      else if (long && p[i]! < 0.45) exits.push(time[i + 1]!);
      else continue;
      long = !long;
    }
    expect(entries.length).toBeGreaterThan(5);
    expect(result.trades.map((t: { entryTime: number }) => t.entryTime)).toEqual(entries);
    expect(result.trades.slice(0, exits.length).map((t: { exitTime: number }) => t.exitTime)).toEqual(exits);
  });

  it("--models-dir: relative paths resolve inside it; a path leaving it is refused, naming node and param", async () => {
    const window = ["--data", candleFile, "--from", from, "--to", to];
    // The flag wins over MODELS_DIR (here a folder without the model).
    const env = { MODELS_DIR: work };
    const ok = await tradegraph(
      ["backtest", "--graph", graphFile("ok.json", "btc/change.onnx"), ...window, "--models-dir", models],
      env,
    );
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Trades +\d+/);

    // A valid model file exists right outside the folder: it must still not be read.
    for (const modelFile of [`../${basename(outside)}`, outside, "btc/../../x.onnx"]) {
      const graph = graphFile("escape.json", modelFile);
      const refused = await tradegraph(
        ["backtest", "--graph", graph, ...window, "--models-dir", models],
        env,
      );
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe("");
      expect(refused.stderr.trim()).toBe(
        `backtest failed: predictor.modelFile: "${modelFile}" is outside the models folder (MODELS_DIR); give a path inside it, e.g. "model.onnx" or "btc/model.onnx"`,
      );
    }
  });
});
