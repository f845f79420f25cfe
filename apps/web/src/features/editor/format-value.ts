/** Compact number for node badges and debugger values; NaN means the node is still warming up. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "not ready";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const abs = Math.abs(value);
  if (abs >= 1e6) return value.toExponential(3);
  if (abs >= 1000) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(3);
  if (abs === 0) return "0";
  return value.toPrecision(3);
}

/** One-line summary of a node's params for its canvas card, e.g. "Period 14 bars". */
export function formatParam(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  if (typeof value === "boolean") return value ? "on" : "off";
  return String(value);
}
