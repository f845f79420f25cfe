/**
 * View model of the ML predictor panel: turns the stored report (contracts `ModelReports`) into what the
 * charts draw. Only numbers the run produced; a score that is not known stays null and prints as such.
 */
import type { FeatureSource, ModelReports, ModelScores, PredictorReportJson } from "@tradegraph/contracts";
import type { AnyNodeDefinition } from "@tradegraph/nodes";

/** The graph nodes the panel needs to name features (id, type and the trader's own label). */
export interface GraphNodeInfo {
  id: string;
  type: string;
  label?: string | undefined;
}

export interface WindowBar {
  /** Open time of the first and last bar this model predicted. */
  from: number;
  to: number;
  bars: number;
  /** Predictions scored in this window (outcome known inside the run). */
  scored: number;
  /** Accuracy (direction) or MAE (return); null when nothing was scored. */
  score: number | null;
  baseline: number | null;
}

export interface CalibrationPoint {
  lower: number;
  upper: number;
  count: number;
  predicted: number;
  observed: number;
}

export interface ImportanceBar {
  label: string;
  share: number;
}

export interface SummaryItem {
  label: string;
  value: string;
}

export interface ModelPanelView {
  nodeId: string;
  title: string;
  task: "direction" | "return";
  /** What a window's score is, and which way is better. */
  scoreName: "Accuracy" | "MAE";
  higherIsBetter: boolean;
  summary: SummaryItem[];
  /** One sentence: does the model beat the baseline out of sample, and on how many bars. */
  verdict: string;
  /** Null when there is nothing to compare (no scored bar, or no baseline for a model trained elsewhere). */
  beatsBaseline: boolean | null;
  windows: WindowBar[];
  calibration: CalibrationPoint[];
  importances: ImportanceBar[];
  importanceNote: string;
}

type FindType = (type: string) => AnyNodeDefinition | undefined;

/** One view per predictor node with a report for `symbol`, in the order the report lists them. */
export function modelPanelViews(
  models: ModelReports | undefined,
  symbol: string,
  nodes: readonly GraphNodeInfo[],
  findType: FindType,
): ModelPanelView[] {
  if (!models) return [];
  const views: ModelPanelView[] = [];
  for (const [nodeId, bySymbol] of Object.entries(models)) {
    const report = bySymbol[symbol];
    if (report) views.push(modelPanelView(nodeId, report, nodes, findType));
  }
  return views;
}

export function modelPanelView(
  nodeId: string,
  report: PredictorReportJson,
  nodes: readonly GraphNodeInfo[],
  findType: FindType,
): ModelPanelView {
  const direction = report.task === "direction";
  const node = nodes.find((n) => n.id === nodeId);
  const importances = report.importances.mean ?? report.importances.latest;
  return {
    nodeId,
    title: `${node?.label ?? nodeId} · ${direction ? "direction" : "return"} over ${report.horizon} bars`,
    task: report.task,
    scoreName: direction ? "Accuracy" : "MAE",
    higherIsBetter: direction,
    summary: summaryOf(report),
    verdict: verdictOf(report.overall),
    beatsBaseline: beatsBaseline(report.overall),
    windows: report.windows.map((w) => ({
      from: w.trainedAtTime,
      to: w.toTime,
      bars: w.bars,
      scored: w.scores.count,
      ...windowScore(w.scores),
    })),
    calibration: report.calibration.map((bin) => ({
      lower: bin.lower,
      upper: bin.upper,
      count: bin.count,
      predicted: bin.meanPredicted,
      observed: bin.observed,
    })),
    importances: importances
      ? report.featureSources
          .map((source, f) => ({ label: featureLabel(source, nodes, findType), share: importances[f] ?? 0 }))
          .sort((a, b) => b.share - a.share)
      : [],
    importanceNote: importances
      ? report.importances.mean
        ? `Mean over ${report.windows.filter((w) => w.importances).length} retraining windows`
        : "Latest model"
      : "This model reports no feature importances",
  };
}

/** "RSI (rsi)", or "Bollinger %B (bb)" when the node has several outputs; the trader's label wins. */
export function featureLabel(
  source: FeatureSource,
  nodes: readonly GraphNodeInfo[],
  findType: FindType,
): string {
  const node = nodes.find((n) => n.id === source.node);
  const definition = node ? findType(node.type) : undefined;
  if (!node || !definition) return `${source.node}.${source.port}`;
  const name = node.label ?? definition.title;
  const outputs = Object.keys(definition.outputs);
  const port = definition.outputs[source.port]?.label ?? source.port;
  return outputs.length > 1 ? `${name} ${port} (${node.id})` : `${name} (${node.id})`;
}

function windowScore(scores: ModelScores): { score: number | null; baseline: number | null } {
  return scores.kind === "direction"
    ? { score: scores.accuracy, baseline: scores.baselineAccuracy }
    : { score: scores.mae, baseline: scores.baselineMae };
}

export function percent(value: number | null, digits = 1): string {
  return value === null || !Number.isFinite(value) ? "not known" : `${(value * 100).toFixed(digits)}%`;
}

function summaryOf(report: PredictorReportJson): SummaryItem[] {
  const o = report.overall;
  const common = [
    { label: "Scored bars", value: o.count.toLocaleString("en-US") },
    { label: "Retraining windows", value: String(report.windows.length) },
  ];
  if (o.kind === "direction") {
    return [
      { label: "Out-of-sample accuracy", value: percent(o.accuracy) },
      { label: "Majority-class baseline", value: percent(o.baselineAccuracy) },
      { label: "Precision (up)", value: percent(o.precisionUp) },
      { label: "Recall (up)", value: percent(o.recallUp) },
      ...common,
    ];
  }
  return [
    { label: "MAE", value: percent(o.mae, 2) },
    { label: "Baseline MAE (training mean)", value: percent(o.baselineMae, 2) },
    { label: "RMSE", value: percent(o.rmse, 2) },
    { label: "Baseline RMSE", value: percent(o.baselineRmse, 2) },
    { label: "Sign hit rate", value: percent(o.directionHitRate) },
    ...common,
  ];
}

function beatsBaseline(o: ModelScores): boolean | null {
  if (o.kind === "direction")
    return o.accuracy === null || o.baselineAccuracy === null ? null : o.accuracy > o.baselineAccuracy;
  return o.mae === null || o.baselineMae === null ? null : o.mae < o.baselineMae;
}

function verdictOf(o: ModelScores): string {
  const bars = `${o.count.toLocaleString("en-US")} out-of-sample bars`;
  if (o.kind === "direction") {
    if (o.accuracy === null) return "No prediction has a known outcome inside this run yet.";
    if (o.baselineAccuracy === null)
      return `Accuracy ${percent(o.accuracy)} on ${bars} (no training baseline).`;
    const edge = (o.accuracy - o.baselineAccuracy) * 100;
    return edge > 0
      ? `Beats always predicting the majority class by ${edge.toFixed(1)} points on ${bars}.`
      : `Does not beat always predicting the majority class (${edge.toFixed(1)} points) on ${bars}.`;
  }
  if (o.mae === null) return "No prediction has a known outcome inside this run yet.";
  if (o.baselineMae === null) return `MAE ${percent(o.mae, 2)} on ${bars} (no training baseline).`;
  const better = o.mae < o.baselineMae;
  return `${better ? "Smaller" : "Not smaller"} error than predicting the training mean (MAE ${percent(o.mae, 2)} vs ${percent(o.baselineMae, 2)}) on ${bars}.`;
}

/** Chart scale: [min, max] of the values padded by 10%, always including `anchor` (e.g. 50%). */
export function scoreRange(values: readonly (number | null)[], anchor: number | null): [number, number] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (anchor !== null) finite.push(anchor);
  if (finite.length === 0) return [0, 1];
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const pad = Math.max((high - low) * 0.1, 0.005);
  return [low - pad, high + pad];
}
