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

/** The dashboard's record lists, refetched when a push says they changed. */
export type DeploymentRecord = "status" | "positions" | "orders" | "fills" | "pnl" | "events";

const EVERYTHING: DeploymentRecord[] = ["status", "positions", "orders", "fills", "pnl", "events"];

/**
 * Which lists a push makes stale. Every push refreshes the status (each recorded candle is also a runner
 * heartbeat); a candle alone ("mark") moves the mark price; a trade changes the books; denials and halts
 * are logged events; commands change the log. Anything unrecognised refetches everything rather than
 * risk a stale screen.
 */
export function staleAfterPush(what: readonly string[]): DeploymentRecord[] {
  const stale = new Set<DeploymentRecord>(["status"]);
  for (const kind of what) {
    if (kind === "mark") stale.add("positions");
    else if (kind === "trade")
      for (const r of ["positions", "orders", "fills", "pnl", "events"] as const) stale.add(r);
    else if (kind === "denied") stale.add("events");
    else if (kind === "halted" || kind.startsWith("command.")) {
      stale.add("events");
      stale.add("positions");
    } else return EVERYTHING;
  }
  return EVERYTHING.filter((r) => stale.has(r));
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
