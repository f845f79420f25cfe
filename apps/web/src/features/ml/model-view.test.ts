import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { type DirectionScoresReport, predictorReportSchema } from "@tradegraph/contracts";
import { runBacktest } from "@tradegraph/engine";
import { type CandleColumns, GraphBuilder } from "@tradegraph/nodes";
import { describe, expect, it } from "vitest";
import { findNodeType } from "../../lib/catalogue.ts";
import { featureLabel, modelPanelViews, scoreRange } from "./model-view.ts";

/** 1,500 real BTC/USDT 1h candles (bundled data) from bar 20,000. */
function btcCandles(): CandleColumns {
  const file = join(process.cwd(), "../../data/candles/binance_BTCUSDT_1h.csv.gz");
  const rows = gunzipSync(readFileSync(file)).toString().trim().split("\n").slice(1, 21_501).slice(20_000);
  const column = (k: number) => Float64Array.from(rows, (line) => Number(line.split(",")[k]));
  return {
    time: column(0),
    open: column(1),
    high: column(2),
    low: column(3),
    close: column(4),
    volume: column(5),
  };
}

function graph(target: "direction" | "return") {
  const b = new GraphBuilder("model panel");
  b.add("data.candles", {}, {}, "candles");
  b.add("data.price", { field: "close" }, { candles: "candles.candles" }, "close");
  b.add("indicator.rsi", { period: 14 }, { source: "close.value" }, "rsi");
  b.add("indicator.bollinger", {}, { source: "close.value" }, "bb");
  b.add("math.percentChange", { bars: 24 }, { source: "close.value" }, "change24");
  b.add(
    "ml.predictor",
    { model: "gradientBoosting", target, trainBars: 300, retrainEvery: 200, trees: 10, treeDepth: 3 },
    { features: ["rsi.value", "bb.percentB", "change24.value"], candles: "candles.candles" },
    "model",
  );
  b.add(
    "logic.compare",
    { operator: ">", value: target === "direction" ? 0.55 : 0 },
    { a: "model.probability" },
    "up",
  );
  b.add("risk.maxPositionSize", { maxPercent: 100 }, {}, "cap");
  b.add("order.enterLong", {}, { when: "up.result", risk: "cap.risk" }, "buy");
  const document = b.build();
  document.nodes.find((n) => n.id === "change24")!.label = "Day return";
  return document;
}

describe("ML model panel view model, from a real backtest report", () => {
  const candles = btcCandles();

  it("direction: windows, verdict, calibration and named importances follow the report", () => {
    const document = graph("direction");
    const result = runBacktest({ candles: { "BTC/USDT": candles }, graph: document });
    const [view, ...rest] = modelPanelViews(result.models, "BTC/USDT", document.nodes, findNodeType);
    expect(rest).toEqual([]);
    const report = predictorReportSchema.parse(result.models["model"]!["BTC/USDT"]);
    const overall = report.overall as DirectionScoresReport;

    expect(view!.scoreName).toBe("Accuracy");
    expect(view!.windows).toHaveLength(report.windows.length);
    expect(view!.windows.map((w) => w.score)).toEqual(
      report.windows.map((w) => (w.scores as DirectionScoresReport).accuracy),
    );
    expect(view!.windows.reduce((sum, w) => sum + w.scored, 0)).toBe(overall.count);
    const edge = (overall.accuracy! - overall.baselineAccuracy!) * 100;
    expect(view!.verdict).toContain(edge > 0 ? "Beats" : "Does not beat");
    expect(view!.beatsBaseline).toBe(edge > 0);
    expect(view!.verdict).toContain(`${Math.abs(edge).toFixed(1)} points`);
    expect(view!.summary[0]).toEqual({
      label: "Out-of-sample accuracy",
      value: `${(overall.accuracy! * 100).toFixed(1)}%`,
    });
    expect(view!.calibration.reduce((sum, p) => sum + p.count, 0)).toBe(overall.count);

    // Importances: one bar per connected feature, largest first, named by the node wired in.
    expect(view!.importances.map((i) => i.label).sort()).toEqual(
      ["Bollinger Bands %B (bb)", "Day return (change24)", "RSI (rsi)"].sort(),
    );
    const shares = view!.importances.map((i) => i.share);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it("return: scores are errors against the training-mean baseline, lower is better", () => {
    const document = graph("return");
    const result = runBacktest({ candles: { "BTC/USDT": candles }, graph: document });
    const [view] = modelPanelViews(result.models, "BTC/USDT", document.nodes, findNodeType);
    expect(view!.scoreName).toBe("MAE");
    expect(view!.higherIsBetter).toBe(false);
    expect(view!.summary.map((s) => s.label)).toContain("Baseline MAE (training mean)");
    expect(view!.verdict).toMatch(/error than predicting the training mean/);
    const overall = result.models["model"]!["BTC/USDT"]!.overall;
    expect(overall.kind).toBe("return");
    if (overall.kind === "return") expect(view!.beatsBaseline).toBe(overall.mae! < overall.baselineMae!);
    expect(modelPanelViews(result.models, "ETH/USDT", document.nodes, findNodeType)).toEqual([]);
  });

  it("names an unknown feature source by node and port, and scales around the anchor", () => {
    expect(featureLabel({ node: "gone", port: "value" }, [], findNodeType)).toBe("gone.value");
    expect(scoreRange([0.52, 0.55, null], 0.5)).toEqual([0.5 - 0.005, 0.55 + 0.005]);
    expect(scoreRange([], null)).toEqual([0, 1]);
    expect(modelPanelViews(undefined, "BTC/USDT", [], findNodeType)).toEqual([]);
  });
});
