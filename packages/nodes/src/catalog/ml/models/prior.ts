import type { ModelJson, Task, TrainedModel, TrainingSet } from "./types.ts";

/**
 * Fallback when a training window holds a single class (or constant returns): predict the window's
 * class frequencies or mean return. Honest and explicit instead of a library error.
 */
export function trainPrior(set: TrainingSet): TrainedModel {
  if (set.task === "return") {
    let sum = 0;
    for (const y of set.y) sum += y;
    return priorModel(set.task, [sum / set.y.length]);
  }
  const counts = new Array<number>(set.classes).fill(0);
  for (const y of set.y) counts[y]!++;
  return priorModel(
    set.task,
    counts.map((c) => c / set.y.length),
  );
}

export function priorModel(task: Task, values: number[]): TrainedModel {
  return {
    predict(_row, out) {
      for (let k = 0; k < values.length; k++) out[k] = values[k]!;
    },
    importances: () => null,
    toJSON: (): ModelJson => ({ kind: "prior", task, values }),
  };
}

/** True when there is nothing to learn: one class only, or every return identical. */
export function isDegenerate(set: TrainingSet): boolean {
  const first = set.y[0];
  return set.y.every((y) => y === first);
}
