/** Strict field parsing: `Number("")` is 0 and `parseFloat("1x")` is 1, neither is acceptable in a candle file. */

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^\d+$/;
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** A decimal number, or NaN when the text is not one. */
export function parseDecimal(text: string): number {
  if (DECIMAL.test(text)) return Number(text); // hot path: already clean
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * Candle open time as epoch ms. Accepts epoch ms, epoch µs (Binance dumps since 2025 use µs),
 * epoch seconds, or ISO 8601 (no offset means UTC, never local time). NaN when unparsable.
 */
export function parseTime(text: string): number {
  if (INTEGER.test(text)) return normaliseEpoch(Number(text)); // hot path: epoch digits
  const trimmed = text.trim().replace(/^"|"$/g, "");
  if (INTEGER.test(trimmed)) return normaliseEpoch(Number(trimmed));
  const match = ISO_TIME.exec(trimmed);
  if (!match) return Number.NaN;
  const [, y, mo, d, h = "0", mi = "0", s = "0", ms = "0", offset] = match;
  let time = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(ms.padEnd(3, "0")),
  );
  if (offset && offset.toUpperCase() !== "Z") {
    const sign = offset.startsWith("-") ? -1 : 1;
    const digits = offset.slice(1).replace(":", "");
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return time;
}

/** Epoch numbers by magnitude: seconds (10 digits), ms (13) or µs (16) → ms. */
export function normaliseEpoch(value: number): number {
  if (value >= 1e14) return Math.floor(value / 1000);
  if (value < 1e11) return value * 1000;
  return value;
}

/** Split one CSV line on commas (candle files never quote commas) and trim quotes. */
export function splitCsvLine(line: string): string[] {
  const fields = line.split(",");
  if (!line.includes('"') && !line.includes(" ") && !line.includes("\r") && !line.includes("\t"))
    return fields;
  return fields.map((field) => field.trim().replace(/^"(.*)"$/, "$1"));
}
