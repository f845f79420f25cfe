import { z } from "zod";
import { idSchema } from "./strategies.ts";
import { TIMEFRAMES } from "./timeframes.ts";

export const DEPLOYMENT_MODES = ["paper", "testnet", "live"] as const;
export type DeploymentMode = (typeof DEPLOYMENT_MODES)[number];

/** What the user asked for. The runner drives `status` towards it. */
export const DESIRED_STATES = ["stopped", "running", "paused"] as const;
export type DesiredState = (typeof DESIRED_STATES)[number];

/** What the runner reports. `halted` = a circuit breaker tripped (see statusReason). */
export const DEPLOYMENT_STATUSES = [
  "created",
  "starting",
  "running",
  "paused",
  "stopping",
  "stopped",
  "halted",
  "failed",
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

const positive = (what: string) => z.number().positive(`${what} must be above zero.`);
const percent = (what: string) =>
  z.number().gt(0, `${what} must be above 0%.`).max(100, `${what} cannot exceed 100%.`);

/** Account-level hard limits, enforced by the runner's risk stage on every order (on top of graph gates). */
export const riskLimitsSchema = z.object({
  /** Largest order value in quote currency (e.g. USDT). */
  maxNotionalPerOrder: positive("Max notional per order"),
  maxOrdersPerDay: z.number().int().min(1, "Max orders per day must be at least 1.").max(10_000),
  minSecondsBetweenOrders: z.number().int().min(0).max(86_400),
  /** Halt the deployment when the day's loss reaches this % of start-of-day equity. */
  dailyLossLimitPct: percent("Daily loss limit"),
  /** Halt when equity falls this % below its peak. */
  maxDrawdownPct: percent("Max drawdown"),
});
export type RiskLimits = z.infer<typeof riskLimitsSchema>;

export const symbolSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,15}\/[A-Z0-9]{2,15}$/, "Write symbols as BASE/QUOTE, like BTC/USDT.");

export const createDeploymentInput = z.object({
  strategyId: idSchema,
  /** Version pinned for the life of the deployment; rolling back = deploying an earlier version. */
  versionNumber: z.number().int().min(1),
  mode: z.enum(DEPLOYMENT_MODES),
  /** Required for testnet and live; paper trades need none. */
  credentialId: idSchema.optional(),
  symbols: z.array(symbolSchema).min(1, "Pick at least one symbol.").max(20),
  timeframe: z.enum(TIMEFRAMES),
  /** Starting cash for paper mode, in quote currency. */
  paperCash: z.number().positive().max(1e12).optional(),
  riskLimits: riskLimitsSchema,
  /**
   * For live mode when the version has not passed the promotion gate: the strategy's exact name,
   * typed by the user. The override is recorded in the audit log.
   */
  overrideConfirmation: z.string().max(200).optional(),
});
export type CreateDeploymentInput = z.infer<typeof createDeploymentInput>;

export const deploymentIdInput = z.object({ deploymentId: idSchema });
export const updateRiskLimitsInput = z.object({ deploymentId: idSchema, riskLimits: riskLimitsSchema });
export const deploymentEventsInput = z.object({
  deploymentId: idSchema,
  limit: z.number().int().min(1).max(500).default(100),
  before: z.number().int().optional(),
});

/** Promotion gate for live trading, measured on the version's paper and testnet trades. */
export const PROMOTION_GATE = { minTrades: 20, minWinRate: 0.5, minProfitFactor: 1.3 } as const;
export interface PromotionGateResult {
  passed: boolean;
  trades: number;
  winRate: number | null;
  profitFactor: number | null;
  /** Sentences saying which condition failed, empty when passed. */
  reasons: string[];
}

// ---- Contract with the runner -------------------------------------------------------------------

export const DEPLOYMENT_COMMANDS = ["start", "pause", "resume", "stop", "emergencyStop"] as const;
export type DeploymentCommand = (typeof DEPLOYMENT_COMMANDS)[number];

/**
 * Job data on the deployment-control queue. The server first writes `desiredState` on the Deployment row
 * (the source of truth a restarted runner reconciles to), then enqueues this message with
 * jobId = commandId so a retried request is not enqueued twice.
 * - start/resume: run the loop (reconcile open orders, fills, balances with the exchange first).
 * - pause: stop placing new orders; keep open orders and positions; keep heartbeating.
 * - stop: cancel open orders, keep positions, end the loop; status `stopped`.
 * - emergencyStop: cancel open orders, flatten every position at market, then stop.
 * The runner records what it did as DeploymentEvent rows and updates `status`, `statusReason`
 * and `lastHeartbeatAt`.
 */
export const deploymentControlMessageSchema = z.object({
  commandId: z.string(),
  deploymentId: z.string(),
  command: z.enum(DEPLOYMENT_COMMANDS),
  requestedBy: z.string(),
  requestedAt: z.string(),
});
export type DeploymentControlMessage = z.infer<typeof deploymentControlMessageSchema>;

/** Redis key (prefixed with REDIS_PREFIX + ":") a runner refreshes every few seconds; value = ISO time. */
export const RUNNER_HEARTBEAT_KEY = "runner:heartbeat";
/** A heartbeat older than this marks the runner (and its deployments) unhealthy. */
export const RUNNER_HEARTBEAT_STALE_MS = 30_000;

export const DEPLOYMENT_EVENT_LEVELS = ["info", "warn", "error"] as const;

/**
 * Redis pub/sub channel (after REDIS_PREFIX + ":") where the runner and the server announce that a
 * deployment changed (trades, denials, halts, positions, marks, commands); the message is a JSON array of
 * what happened. The server streams it to the browser as the `deployments.watch` subscription.
 */
export const deploymentEventsChannel = (deploymentId: string) => `deployment:events:${deploymentId}`;

/**
 * Redis hash (after REDIS_PREFIX + ":") of the last closed candle the runner saw per symbol of a
 * deployment: field = symbol, value = JSON `DeploymentMark`. It is the mark price for unrealised P&L.
 */
export const deploymentMarksKey = (deploymentId: string) => `deployment:marks:${deploymentId}`;

export const deploymentMarkSchema = z.object({
  /** Close of the last closed candle. */
  price: z.number().positive(),
  /** Open time (epoch ms) of that candle. */
  time: z.number().int(),
});
export type DeploymentMark = z.infer<typeof deploymentMarkSchema>;

/** Pushed on `deployments.watch`: first `subscribed`, then `changed` whenever the deployment's records did. */
export type DeploymentPush =
  | { kind: "subscribed"; deploymentId: string }
  | { kind: "changed"; deploymentId: string; what: string[] };

const level = z.number().finite().nullable();

/**
 * Protective levels of an open position as the engine holds them (`Position.exitLevels`), written by the
 * runner with the position so a restarted runner re-arms them. Prices in quote currency, null = none;
 * percents are fractions (0.02 = 2%).
 */
export const positionExitLevelsSchema = z.object({
  stopLoss: level,
  takeProfit: level,
  trailingStop: level,
  breakEvenStop: level,
  /** Trailing distance as a fraction of the best price, or in price units (the one the rule uses). */
  trailPercent: level,
  trailDistance: level,
  /** Best price since entry (drives trailing and break-even). */
  bestPrice: level,
  breakEvenTrigger: level,
  breakEvenOffset: level,
  /** |entry − initial stop| per unit, for R multiples. */
  initialRisk: level,
  /** Time stop in bars (0 = none) and the bars held so far. */
  maxBars: z.number().int().min(0),
  barsHeld: z.number().int().min(0),
  /** Order node whose entry opened the position. */
  entryNodeId: z.string(),
});
export type PositionExitLevels = z.infer<typeof positionExitLevelsSchema>;

/** Statuses the runner itself sets (the server sets `starting`/`stopping` when it sends a command). */
export const RUNNER_SET_STATUSES = ["running", "paused", "stopped", "halted", "failed"] as const;

/**
 * Published by the runner on `deploymentEventsChannel` (an element of the JSON array, like every event
 * there) when it changes a deployment's status, so the dashboard header updates by push.
 */
export const deploymentStatusMessageSchema = z.object({
  kind: z.literal("status"),
  status: z.enum(RUNNER_SET_STATUSES),
  /** Why (halt reason, failure, emergency stop), null when there is nothing to say. */
  reason: z.string().nullable(),
  /** When the runner changed it, epoch ms. */
  time: z.number().int(),
});
export type DeploymentStatusMessage = z.infer<typeof deploymentStatusMessageSchema>;
