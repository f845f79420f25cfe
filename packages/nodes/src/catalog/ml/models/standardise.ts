/** Per-feature mean and standard deviation of a training window, so linear models see unit-scale inputs. */
export interface Scaler {
  mean: number[];
  std: number[];
}

export function fitScaler(x: number[][]): Scaler {
  const features = x[0]?.length ?? 0;
  const mean = new Array<number>(features).fill(0);
  const std = new Array<number>(features).fill(0);
  for (const row of x) for (let f = 0; f < features; f++) mean[f]! += row[f]!;
  for (let f = 0; f < features; f++) mean[f]! /= x.length;
  for (const row of x) for (let f = 0; f < features; f++) std[f]! += (row[f]! - mean[f]!) ** 2;
  // A constant feature gets std 1 so it standardises to 0 instead of dividing by zero.
  for (let f = 0; f < features; f++) std[f] = Math.sqrt(std[f]! / x.length) || 1;
  return { mean, std };
}

/** Standardised copy of a row with a leading 1 (the intercept column the linear models need). */
export function scaleWithIntercept(
  scaler: Scaler,
  row: ArrayLike<number>,
  out = new Array<number>(scaler.mean.length + 1),
): number[] {
  out[0] = 1;
  for (let f = 0; f < scaler.mean.length; f++) out[f + 1] = (row[f]! - scaler.mean[f]!) / scaler.std[f]!;
  return out;
}
