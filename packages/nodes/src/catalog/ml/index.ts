import type { AnyNodeDefinition } from "../../contract.ts";
import { mlPredictorNode } from "./predictor/definition.ts";

export const mlNodes: AnyNodeDefinition[] = [mlPredictorNode];

export type { DirectionScores, ReturnScores } from "./evaluation/metrics.ts";
export type { CalibrationBin, PredictorReport, WindowReport } from "./evaluation/report.ts";
export { predictorReport } from "./evaluation/report.ts";
export type { ExternalModel, ExternalModelSpec, ModelRuntime } from "./models/model-runtime.ts";
export { getModelRuntime, setModelRuntime } from "./models/model-runtime.ts";
export { predictorNodeIds, predictorStateOf, restorePredictorInto } from "./predictor/access.ts";
export { mlPredictorNode } from "./predictor/definition.ts";
export type { PredictorParams } from "./predictor/params.ts";
export type { PredictorSnapshot, SnapshotTrim } from "./predictor/snapshot.ts";
export { restorePredictor, serializePredictor } from "./predictor/snapshot.ts";
export type { PredictorState } from "./predictor/state.ts";
