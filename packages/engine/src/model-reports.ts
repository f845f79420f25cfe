/** ML predictor reports of a finished run: per predictor node and symbol, for the result and the model panel. */
import type { ModelReports } from "@tradegraph/contracts";
import { predictorNodeIds, predictorReport, predictorStateOf } from "@tradegraph/nodes";
import type { StrategyStepper } from "./session.ts";

/**
 * Reads each plan evaluator's predictor states once the run is over. Strategies without a plan (hand-written
 * steppers in tests) have no models. Features are named by the node and port wired into the predictor.
 */
export function collectModelReports(
  symbols: readonly string[],
  strategies: readonly StrategyStepper[],
): ModelReports {
  const reports: ModelReports = {};
  strategies.forEach((strategy, s) => {
    if (!strategy.plan || !strategy.nodeState) return;
    const evaluator = { nodeState: strategy.nodeState.bind(strategy) };
    for (const nodeId of predictorNodeIds(strategy.plan)) {
      const planned = strategy.plan.nodes.find((node) => node.id === nodeId)!;
      const featureSources = (planned.inputs.features ?? []).map(({ node, port }) => ({ node, port }));
      const report = predictorReport(predictorStateOf(evaluator, nodeId));
      reports[nodeId] ??= {};
      reports[nodeId][symbols[s]!] = { ...report, featureSources };
    }
  });
  return reports;
}
