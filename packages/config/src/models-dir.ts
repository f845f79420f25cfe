import { join, resolve } from "node:path";

/** `models` in the repository root: where `npm start` and the Docker image (/app/models) look by default. */
export const defaultModelsDir = join(import.meta.dirname, "..", "..", "..", "models");

/**
 * The folder ML predictor nodes load ONNX model files from (MODELS_DIR), as an absolute path: a relative
 * value is taken from the working directory, like any path given on a command line.
 */
export function modelsDirFrom(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const value = env["MODELS_DIR"]?.trim();
  return value ? resolve(cwd, value) : defaultModelsDir;
}
