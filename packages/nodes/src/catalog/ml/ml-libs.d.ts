// ml-logistic-regression 2.0.0 ships no types; only what the logistic adapter uses is declared.
declare module "ml-logistic-regression" {
  import type { Matrix } from "ml-matrix";

  interface TwoClassClassifier {
    weights: Matrix;
  }

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: TwoClassClassifier[];
    numberClasses: number;
    train(x: Matrix, y: Matrix): void;
  }
}
