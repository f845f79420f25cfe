import { z } from "zod";

export const predictorParams = z
  .object({
    model: z.enum(["logistic", "randomForest", "gradientBoosting", "onnx"]).default("logistic").meta({
      label: "Model",
      description:
        "logistic: logistic regression (linear regression when predicting returns); randomForest; gradientBoosting; onnx: a model trained elsewhere, loaded from a file (never retrained)",
    }),
    target: z.enum(["direction", "return"]).default("direction").meta({
      label: "Predict",
      description: "direction: probability the close is higher after the horizon; return: the forward return",
    }),
    horizon: z
      .number()
      .int()
      .min(1)
      .max(500)
      .default(4)
      .meta({ label: "Horizon", unit: "bars", min: 1, max: 500, step: 1, optimisable: true }),
    neutralBand: z.number().min(0).max(0.5).default(0).meta({
      label: "Neutral band",
      unit: "fraction",
      description: "Forward returns within ±band count as neutral (a third class); 0 = up/down only",
      min: 0,
      max: 0.5,
      step: 0.0005,
      optimisable: true,
    }),
    window: z.enum(["rolling", "expanding"]).default("rolling").meta({
      label: "Training window",
      description: "rolling: the last N labelled bars; expanding: every labelled bar so far",
    }),
    trainBars: z.number().int().min(30).max(100_000).default(500).meta({
      label: "Training bars",
      unit: "bars",
      description: "Rows in the rolling window (minimum for expanding)",
      min: 30,
      step: 10,
      optimisable: true,
    }),
    retrainEvery: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(168)
      .meta({ label: "Retrain every", unit: "bars", min: 1, step: 1, optimisable: true }),
    trees: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(50)
      .meta({ label: "Trees", min: 1, max: 1000, step: 1, optimisable: true }),
    treeDepth: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(4)
      .meta({ label: "Tree depth", min: 1, max: 20, step: 1, optimisable: true }),
    learningRate: z.number().gt(0).max(1).default(0.1).meta({
      label: "Learning rate",
      description: "Gradient boosting shrinkage",
      min: 0.001,
      max: 1,
      step: 0.01,
      optimisable: true,
    }),
    iterations: z.number().int().min(1).max(20_000).default(300).meta({
      label: "Iterations",
      description: "Gradient steps of logistic regression",
      min: 1,
      max: 20_000,
      step: 50,
    }),
    seed: z.number().int().min(0).max(2_147_483_647).default(42).meta({ label: "Seed", min: 0, step: 1 }),
    modelFile: z.string().default("").meta({
      label: "Model file",
      description:
        "ONNX model (model = onnx): input float [1, features], output P(up) / class probabilities / return",
    }),
  })
  .superRefine((p, ctx) => {
    if (p.model === "onnx" && p.modelFile.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["modelFile"], message: "an ONNX model needs a model file" });
    }
    if (p.target === "return" && p.neutralBand > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["neutralBand"],
        message: "the neutral band applies to direction only; set it to 0 for return",
      });
    }
  });

export type PredictorParams = z.output<typeof predictorParams>;
