/** Out-of-sample scores of one set of predictions. Undefined ratios are null so the report stays JSON. */
export interface DirectionScores {
  kind: "direction";
  /** Predictions whose outcome is known. */
  count: number;
  accuracy: number | null;
  /** Of the bars predicted up, the share that went up. */
  precisionUp: number | null;
  /** Of the bars that went up, the share predicted up. */
  recallUp: number | null;
  /** Accuracy of always predicting the majority class of the training window(s) (no hindsight). */
  baselineAccuracy: number | null;
}

export interface ReturnScores {
  kind: "return";
  count: number;
  mae: number | null;
  rmse: number | null;
  /** Share of bars where the predicted and realised returns have the same sign. */
  directionHitRate: number | null;
  /** Errors of always predicting the training window's mean return (no hindsight). */
  baselineMae: number | null;
  baselineRmse: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export class DirectionTally {
  count = 0;
  correct = 0;
  predictedUp = 0;
  actualUp = 0;
  truePositives = 0;
  baselineCorrect = 0;
  /** Bars with a baseline (none for a model trained elsewhere: it has no training window). */
  baselineCount = 0;

  add(predicted: number, actual: number, baseline: number, up: number): void {
    this.count++;
    if (predicted === actual) this.correct++;
    if (predicted === up) this.predictedUp++;
    if (actual === up) this.actualUp++;
    if (predicted === up && actual === up) this.truePositives++;
    if (!Number.isNaN(baseline)) this.baselineCount++;
    if (baseline === actual) this.baselineCorrect++;
  }

  scores(): DirectionScores {
    return {
      kind: "direction",
      count: this.count,
      accuracy: ratio(this.correct, this.count),
      precisionUp: ratio(this.truePositives, this.predictedUp),
      recallUp: ratio(this.truePositives, this.actualUp),
      baselineAccuracy: ratio(this.baselineCorrect, this.baselineCount),
    };
  }
}

export class ReturnTally {
  count = 0;
  absError = 0;
  squaredError = 0;
  sameSign = 0;
  baselineAbsError = 0;
  baselineSquaredError = 0;
  baselineCount = 0;

  add(predicted: number, actual: number, baseline: number): void {
    this.count++;
    this.absError += Math.abs(predicted - actual);
    this.squaredError += (predicted - actual) ** 2;
    if (Math.sign(predicted) === Math.sign(actual)) this.sameSign++;
    if (Number.isNaN(baseline)) return;
    this.baselineCount++;
    this.baselineAbsError += Math.abs(baseline - actual);
    this.baselineSquaredError += (baseline - actual) ** 2;
  }

  scores(): ReturnScores {
    const mean = (sum: number) => ratio(sum, this.count);
    const root = (sum: number, n: number) => (n > 0 ? Math.sqrt(sum / n) : null);
    return {
      kind: "return",
      count: this.count,
      mae: mean(this.absError),
      rmse: root(this.squaredError, this.count),
      directionHitRate: mean(this.sameSign),
      baselineMae: ratio(this.baselineAbsError, this.baselineCount),
      baselineRmse: root(this.baselineSquaredError, this.baselineCount),
    };
  }
}
