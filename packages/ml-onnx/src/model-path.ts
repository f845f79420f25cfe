import { isAbsolute, relative, resolve, sep } from "node:path";

/**
 * Where `modelFile` points inside the models folder. A strategy is user input and the runner reads the
 * file, so a path that leaves the folder (`..`, or an absolute path elsewhere) is refused: a user must not
 * be able to read arbitrary files on the runner host. The folder itself is not named in the message,
 * because the message reaches the browser.
 */
export function modelPathInside(modelsDir: string, ref: string): string {
  const root = resolve(modelsDir);
  const path = resolve(root, ref);
  const inside = relative(root, path);
  if (inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new Error(
      `"${ref}" is outside the models folder (MODELS_DIR); give a path inside it, e.g. "model.onnx" or "btc/model.onnx"`,
    );
  }
  return path;
}
