import type { AnyNodeDefinition } from "../../contract.ts";
import { mlPredictorNode } from "./predictor/definition.ts";

export const mlNodes: AnyNodeDefinition[] = [mlPredictorNode];

export type { DirectionScores, ReturnScores } from "./evaluation/metrics.ts";
export type { CalibrationBin, PredictorReport, WindowReport } from "./evaluation/report.ts";
export { predictorReport } from "./evaluation/report.ts";
export type { ExternalModel, ExternalModelSpec, ModelRuntime } from "./models/model-runtime.ts";
export { getModelRuntime, setModelRuntime } from "./models/model-runtime.ts";
export { mlPredictorNode } from "./predictor/definition.ts";
