import type { ErrorList } from "./error-list.ts";
import { normaliseEpoch } from "./fields.ts";
import { FIELD_NAMES, type RawCandleRow } from "./types.ts";

/** ccxt's fetchOHLCV result saved as JSON: `[[time, open, high, low, close, volume], ...]`. */
export function parseCcxtJson(text: string, errors: ErrorList): RawCandleRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    errors.add(1, `not valid JSON: ${(error as Error).message}`);
    return [];
  }
  if (!Array.isArray(data)) {
    errors.add(1, "expected a JSON array of [time, open, high, low, close, volume] arrays");
    return [];
  }
  const lines = entryLines(text, data.length);
  const rows: RawCandleRow[] = [];
  data.forEach((entry: unknown, index) => {
    const line = lines[index] ?? 1;
    if (!Array.isArray(entry) || entry.length < 6) {
      errors.add(line, `entry ${index + 1} is not a [time, open, high, low, close, volume] array`);
      return;
    }
    const values = entry.slice(0, 6).map((value: unknown, f) => {
      const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (typeof number !== "number" || !Number.isFinite(number)) {
        errors.add(line, `entry ${index + 1}: ${FIELD_NAMES[f]} ${JSON.stringify(value)} is not a number`);
        return Number.NaN;
      }
      return number;
    });
    const [time, open, high, low, close, volume] = values as [number, number, number, number, number, number];
    rows.push({
      line,
      time: Number.isNaN(time) ? time : normaliseEpoch(time),
      open,
      high,
      low,
      close,
      volume,
    });
  });
  return rows;
}

/** Line where each top-level entry starts, so errors in pretty-printed JSON point at the right line. */
function entryLines(text: string, count: number): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length && lines.length < count; i++) {
    const char = text[i];
    if (char === "\n") line++;
    else if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[") {
      depth++;
      if (depth === 2) lines.push(line);
    } else if (char === "]") depth--;
  }
  return lines;
}
