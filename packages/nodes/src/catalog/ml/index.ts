import type { AnyNodeDefinition } from "../../contract.ts";
import { mlPredictorNode } from "./predictor/definition.ts";

export const mlNodes: AnyNodeDefinition[] = [mlPredictorNode];

export type { ExternalModel, ExternalModelSpec, ModelRuntime } from "./models/model-runtime.ts";
export { getModelRuntime, setModelRuntime } from "./models/model-runtime.ts";
export { mlPredictorNode } from "./predictor/definition.ts";
