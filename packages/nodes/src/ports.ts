/**
 * The closed set of port types. Handle ids on the canvas are port keys; the type lives here, never in an id.
 * One `canConnect` is used by the editor (React Flow `isValidConnection`) and by the compiler, so the canvas
 * can never accept an edge the compiler rejects.
 */
export const PORT_TYPES = [
  "candles", // OHLCV columns of one symbol on one clock
  "number", // numeric series, NaN = not ready
  "boolean", // condition series: 1 true, 0 false, NaN not ready
  "prediction", // ML output: probability of up (or predicted return); readable as a number
  "exitRule", // protective rule attached to an entry (stop, target, trailing, break-even, time stop)
  "sizing", // position sizing rule attached to an entry
  "risk", // chain of risk gates an order intent must pass
] as const;

export type PortType = (typeof PORT_TYPES)[number];

export interface PortSpec<T extends PortType = PortType> {
  type: T;
  label: string;
  /** Inputs only: the compiler reports a missing connection when true. */
  required?: boolean;
  /** Inputs only: accepts any number of edges (features of a model, rules of an entry). */
  multiple?: boolean;
  description?: string;
}

/** Colours the editor gives each port type (kept here so docs and UI agree). */
export const PORT_COLORS: Record<PortType, string> = {
  candles: "#f59f00",
  number: "#4dabf7",
  boolean: "#69db7c",
  prediction: "#da77f2",
  exitRule: "#ff8787",
  sizing: "#ffd43b",
  risk: "#ff6b6b",
};

/** Which output types an input of a given type accepts. A prediction is read as its probability. */
const ACCEPTS: Record<PortType, readonly PortType[]> = {
  candles: ["candles"],
  number: ["number", "prediction"],
  boolean: ["boolean"],
  prediction: ["prediction"],
  exitRule: ["exitRule"],
  sizing: ["sizing"],
  risk: ["risk"],
};

export function canConnect(outputType: PortType, inputType: PortType): boolean {
  return ACCEPTS[inputType].includes(outputType);
}

export function isPortType(value: unknown): value is PortType {
  return typeof value === "string" && (PORT_TYPES as readonly string[]).includes(value);
}
