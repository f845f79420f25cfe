/**
 * Exchanges add volumes in decimal. Summing the parsed floats in order can end one ulp away from the
 * exchange's number (0.1 + 0.2 !== 0.3), so we add them as scaled integers and convert once: the
 * result is the double closest to the exact decimal sum, i.e. what parsing the exchange's figure gives.
 */

const POWERS = Array.from({ length: 13 }, (_, d) => 10 ** d);

/** Decimal places of the shortest decimal that parses to `value` (up to 12), or -1. */
export function decimalPlaces(value: number): number {
  for (let d = 0; d < POWERS.length; d++) {
    const p = POWERS[d]!;
    if (Math.round(value * p) / p === value) return d;
  }
  return -1;
}

/** Exact decimal sum of `values[start..end)`; falls back to an in-order float sum for non-decimal input. */
export function decimalSum(values: Float64Array, start: number, end: number): number {
  let places = 0;
  for (let i = start; i < end; i++) {
    const d = decimalPlaces(values[i]!);
    if (d < 0) return floatSum(values, start, end);
    if (d > places) places = d;
  }
  const scale = POWERS[places]!;
  let sum = 0;
  let safe = true;
  for (let i = start; i < end; i++) {
    const scaled = Math.round(values[i]! * scale);
    if (!Number.isSafeInteger(scaled)) return floatSum(values, start, end);
    sum += scaled;
    if (!Number.isSafeInteger(sum)) safe = false;
  }
  if (safe) return sum / scale; // both exact, and IEEE division rounds correctly
  let big = 0n;
  for (let i = start; i < end; i++) big += BigInt(Math.round(values[i]! * scale));
  return Number.parseFloat(withDecimalPoint(big, places));
}

function floatSum(values: Float64Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i]!;
  return sum;
}

function withDecimalPoint(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, "0");
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}
