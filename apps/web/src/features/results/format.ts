/** Formatting for results. `null`/NaN always reads "not known yet", never a made-up number. */
export const NOT_KNOWN = "not known yet";

const known = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

export function pct(v: number | null | undefined, digits = 2): string {
  return known(v) ? `${(v * 100).toFixed(digits)}%` : NOT_KNOWN;
}

export function signedPct(v: number | null | undefined, digits = 2): string {
  return known(v) ? `${v > 0 ? "+" : ""}${(v * 100).toFixed(digits)}%` : NOT_KNOWN;
}

export function ratio(v: number | null | undefined, digits = 2): string {
  return known(v) ? v.toFixed(digits) : NOT_KNOWN;
}

/** Two decimals with thousands separators, no unit (the label carries it). */
export function amount(v: number | null | undefined): string {
  if (!known(v)) return NOT_KNOWN;
  return v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function money(v: number | null | undefined, currency = "USDT"): string {
  return known(v) ? `${amount(v)} ${currency}` : NOT_KNOWN;
}

export function price(v: number | null | undefined): string {
  if (!known(v)) return NOT_KNOWN;
  const digits = Math.abs(v) >= 1000 ? 2 : Math.abs(v) >= 1 ? 4 : 6;
  return v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: digits });
}

export function quantity(v: number): string {
  return Number(v.toPrecision(6)).toString();
}

/** UTC date-time, the way exchanges print candle times. */
export function utc(ms: number): string {
  if (!Number.isFinite(ms)) return NOT_KNOWN;
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}
