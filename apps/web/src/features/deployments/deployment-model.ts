import type { DeploymentCommand, DeploymentStatus, DesiredState } from "@tradegraph/contracts";

export const STATUS_COLORS: Record<DeploymentStatus, string> = {
  created: "gray",
  starting: "blue",
  running: "teal",
  paused: "yellow",
  stopping: "orange",
  stopped: "gray",
  halted: "red",
  failed: "red",
};

export const MODE_COLORS = { paper: "blue", testnet: "grape", live: "red" } as const;

/**
 * Which control buttons make sense. Driven by what the user asked for (desired state), since the runner
 * may not have acted yet; emergency stop stays available whenever anything could be running or held.
 */
export function availableCommands(status: DeploymentStatus, desired: DesiredState): DeploymentCommand[] {
  if (desired === "running") return ["pause", "stop", "emergencyStop"];
  if (desired === "paused") return ["resume", "stop", "emergencyStop"];
  const mayHoldPositions = status !== "stopped" && status !== "created";
  return mayHoldPositions ? ["start", "emergencyStop"] : ["start"];
}

export interface PositionRow {
  symbol: string;
  quantity: number;
  averageEntryPrice: number;
  realizedPnl: number;
  feesPaid: number;
}

/**
 * Unrealised P&L of an open position at the last known price (null when no price is known yet, never
 * a guess). Long: (price − entry) × qty; short (negative qty): the same formula gives the right sign.
 */
export function unrealisedPnl(position: PositionRow, lastPrice: number | null | undefined): number | null {
  if (lastPrice === null || lastPrice === undefined || !Number.isFinite(lastPrice)) return null;
  if (position.quantity === 0) return 0;
  return (lastPrice - position.averageEntryPrice) * position.quantity;
}

const OPEN_ORDER_STATUSES = new Set([
  "new",
  "open",
  "pending",
  "partiallyFilled",
  "partially_filled",
  "submitted",
]);

export function isOpenOrder(status: string): boolean {
  return OPEN_ORDER_STATUSES.has(status);
}

export const COMMAND_LABELS: Record<DeploymentCommand, string> = {
  start: "Start",
  pause: "Pause",
  resume: "Resume",
  stop: "Stop",
  emergencyStop: "Emergency stop",
};
