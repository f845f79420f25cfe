/** TA-Lib (the `talib` native addon, a devDependency) as the test oracle, plus the agreement check. */
import { createRequire } from "node:module";

interface TalibResult {
  begIndex: number;
  nbElement: number;
  result: Record<string, number[]>;
  error?: string;
}
interface Talib {
  execute(request: Record<string, unknown>): TalibResult;
}

const talib = createRequire(import.meta.url)("talib") as Talib;

/** Runs a TA-Lib function over whole columns (startIdx 0 to the end). */
export function talibRun(
  name: string,
  inputs: Record<string, Float64Array>,
  options: Record<string, number> = {},
): TalibResult {
  const request: Record<string, unknown> = { name, startIdx: 0, ...options };
  let length = 0;
  for (const [key, column] of Object.entries(inputs)) {
    request[key] = Array.from(column);
    length = column.length;
  }
  request.endIdx = length - 1;
  const result = talib.execute(request);
  if (result.error) throw new Error(`TA-Lib ${name}: ${result.error}`);
  return result;
}

export interface Agreement {
  /** First index where our column holds a value. */
  firstValid: number;
  /** Values compared (TA-Lib's output length). */
  compared: number;
  /** Largest |ours − talib| / max(|talib|, floor) over all compared bars. */
  maxRelativeError: number;
  /** Index of the worst bar, for the failure message. */
  worstIndex: number;
}

/**
 * Compares our column with TA-Lib's output that starts at `begIndex`. Relative error uses a floor of
 * 1e-6 × the mean |value| so that series crossing zero (MACD, ROC, OBV) are judged against their own
 * scale instead of dividing by a value that happens to be near 0.
 */
export function compareWithTalib(ours: Float64Array, reference: number[], begIndex: number): Agreement {
  let firstValid = -1;
  for (let i = 0; i < ours.length; i++) {
    if (!Number.isNaN(ours[i]!)) {
      firstValid = i;
      break;
    }
  }
  let meanAbs = 0;
  for (const v of reference) meanAbs += Math.abs(v);
  meanAbs /= Math.max(1, reference.length);
  const floor = Math.max(1e-6 * meanAbs, Number.MIN_VALUE);
  let maxRelativeError = 0;
  let worstIndex = -1;
  for (let k = 0; k < reference.length; k++) {
    const expected = reference[k]!;
    const actual = ours[begIndex + k]!;
    const error = Number.isNaN(actual)
      ? Number.POSITIVE_INFINITY
      : Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
    if (error > maxRelativeError) {
      maxRelativeError = error;
      worstIndex = begIndex + k;
    }
  }
  return { firstValid, compared: reference.length, maxRelativeError, worstIndex };
}
