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

/** Which control buttons make sense in a status; emergency stop is always offered until stopped. */
export function availableCommands(status: DeploymentStatus, desired: DesiredState): DeploymentCommand[] {
  const commands: DeploymentCommand[] = [];
  if (status === "created" || status === "stopped" || status === "failed" || status === "halted") {
    commands.push("start");
  }
  if ((status === "running" || status === "starting") && desired !== "paused") commands.push("pause");
  if (status === "paused" || desired === "paused") commands.push("resume");
  if (status !== "stopped" && status !== "created" && desired !== "stopped") commands.push("stop");
  if (status !== "stopped" && status !== "created") commands.push("emergencyStop");
  return commands;
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
