import { loadGradientBoosting, trainGradientBoosting } from "./gradient-boosting.ts";
import { loadLogistic, trainLogistic } from "./logistic.ts";
import { isDegenerate, priorModel, trainPrior } from "./prior.ts";
import { loadRandomForest, trainRandomForest } from "./random-forest.ts";
import type { ModelJson, ModelSettings, TrainedModel, TrainingSet } from "./types.ts";

export type TrainableKind = "logistic" | "randomForest" | "gradientBoosting";

/** Trains one model on one window. A window with nothing to learn gets the prior model. */
export function trainModel(kind: TrainableKind, set: TrainingSet, settings: ModelSettings): TrainedModel {
  if (isDegenerate(set)) return trainPrior(set);
  switch (kind) {
    case "logistic":
      return trainLogistic(set, settings);
    case "randomForest":
      return trainRandomForest(set, settings);
    case "gradientBoosting":
      return trainGradientBoosting(set, settings);
  }
}

/** Rebuilds a trained model from its JSON (snapshot restore). */
export function loadModel(json: ModelJson): TrainedModel {
  switch (json.kind) {
    case "logistic":
      return loadLogistic(json);
    case "randomForest":
      return loadRandomForest(json);
    case "gradientBoosting":
      return loadGradientBoosting(json);
    case "prior":
      return priorModel(json.task, json["values"] as number[]);
    case "external":
      throw new Error("external models are reloaded from their file, not from a snapshot");
  }
}

export * from "./model-runtime.ts";
export * from "./types.ts";
