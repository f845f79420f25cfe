/**
 * What a backtest reports about each ML predictor node, per symbol: out-of-sample scores per retraining
 * window next to a no-hindsight baseline, a calibration table and feature importances. Produced by the
 * engine (from packages/nodes `predictorReport`), stored with the result, drawn by the web app's model panel.
 */
import { z } from "zod";

/** Ratios that are undefined (no bars, no positive predictions) are null, never NaN. */
const ratio = z.number().nullable();

export const directionScoresSchema = z.object({
  kind: z.literal("direction"),
  /** Predictions whose outcome (h bars later) is inside the run. */
  count: z.number().int().min(0),
  accuracy: ratio,
  /** Of the bars predicted up, the share that went up. */
  precisionUp: ratio,
  /** Of the bars that went up, the share predicted up. */
  recallUp: ratio,
  /** Accuracy of always predicting the majority class of each training window (no hindsight). */
  baselineAccuracy: ratio,
});

export const returnScoresSchema = z.object({
  kind: z.literal("return"),
  count: z.number().int().min(0),
  mae: ratio,
  rmse: ratio,
  /** Share of bars where predicted and realised returns have the same sign. */
  directionHitRate: ratio,
  /** Errors of always predicting the training window's mean return (no hindsight). */
  baselineMae: ratio,
  baselineRmse: ratio,
});

export const modelScoresSchema = z.discriminatedUnion("kind", [directionScoresSchema, returnScoresSchema]);

export const predictorWindowSchema = z.object({
  /** Sample (bar on the node's clock) and candle open time where this model was trained. */
  trainedAtBar: z.number().int().min(0),
  trainedAtTime: z.number(),
  /** Training rows: bars whose label was known when it was trained. */
  firstRow: z.number().int(),
  lastRow: z.number().int(),
  trainRows: z.number().int().min(0),
  /** Last bar it predicted, its open time, and how many bars it was in charge of. */
  toBar: z.number().int(),
  toTime: z.number(),
  bars: z.number().int().min(0),
  scores: modelScoresSchema,
  /** Share of importance per feature (input edge order), or null when the model has none. */
  importances: z.array(z.number()).nullable(),
});

/** direction: P(up) in [lower, upper) vs the observed up-rate; return: a decile of predicted returns. */
export const calibrationBinSchema = z.object({
  lower: z.number(),
  upper: z.number(),
  count: z.number().int().min(1),
  meanPredicted: z.number(),
  observed: z.number(),
});

/** A feature is the output port of the node wired into the predictor's features input. */
export const featureSourceSchema = z.object({ node: z.string(), port: z.string() });

export const predictorReportSchema = z.object({
  task: z.enum(["direction", "return"]),
  horizon: z.number().int().min(1),
  /** Class names by class id (direction), e.g. ["down", "up"]; empty for returns. */
  classes: z.array(z.string()),
  features: z.number().int().min(1),
  featureSources: z.array(featureSourceSchema),
  bars: z.number().int().min(0),
  windows: z.array(predictorWindowSchema),
  overall: modelScoresSchema,
  /** direction: share of the most common outcome over the scored bars (a hindsight reference). */
  majorityShare: ratio,
  calibration: z.array(calibrationBinSchema),
  importances: z.object({ latest: z.array(z.number()).nullable(), mean: z.array(z.number()).nullable() }),
});

/** Reports by predictor node id, then by symbol. */
export const modelReportsSchema = z.record(z.string(), z.record(z.string(), predictorReportSchema));

export type DirectionScoresReport = z.output<typeof directionScoresSchema>;
export type ReturnScoresReport = z.output<typeof returnScoresSchema>;
export type ModelScores = z.output<typeof modelScoresSchema>;
export type PredictorWindow = z.output<typeof predictorWindowSchema>;
export type CalibrationBinReport = z.output<typeof calibrationBinSchema>;
export type FeatureSource = z.output<typeof featureSourceSchema>;
export type PredictorReportJson = z.output<typeof predictorReportSchema>;
export type ModelReports = z.output<typeof modelReportsSchema>;
