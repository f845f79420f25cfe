import { readFileSync } from "node:fs";
import { join } from "node:path";
import { backtestSettingsSchema, type StoredBacktestSettings } from "@tradegraph/contracts";
import type { Prisma, PrismaClient } from "@tradegraph/db";

export const examplesDir = join(import.meta.dirname, "..", "..", "..", "..", "examples");

export function exampleGraph(name: string): unknown {
  return JSON.parse(readFileSync(join(examplesDir, `${name}.json`), "utf8"));
}

/** 2024 on bundled BTC/USDT 1h candles. */
export const YEAR_2024 = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2025, 0, 1) };

export function storedSettings(
  range: { from: number; to: number },
  timeframe: StoredBacktestSettings["timeframe"] = "1h",
): StoredBacktestSettings {
  return { symbols: ["BTC/USDT"], timeframe, ...range, settings: backtestSettingsSchema.parse({}) };
}

/** A user, a strategy with one version (the given graph) and a queued BacktestRun row, as the server makes them. */
export async function createQueuedRun(
  prisma: PrismaClient,
  graph: unknown,
  settings: StoredBacktestSettings,
) {
  const user = await prisma.user.create({
    data: { email: `runner-${Math.random().toString(36).slice(2)}@example.test`, passwordHash: "x" },
  });
  const strategy = await prisma.strategy.create({
    data: { ownerId: user.id, name: "test", latestVersion: 1 },
  });
  const version = await prisma.strategyVersion.create({
    data: { strategyId: strategy.id, number: 1, graph: graph as object, message: "v1" },
  });
  const run = await prisma.backtestRun.create({
    data: { ownerId: user.id, strategyVersionId: version.id, settings: settings as unknown as object },
  });
  return { userId: user.id, runId: run.id, versionId: version.id };
}

type DeploymentMode = "paper" | "testnet" | "live";

/** The fields of a BTC/USDT 1m deployment row without risk limits (paper: 10,000 cash); spread it to add others. */
export function deploymentRow(ownerId: string, strategyVersionId: string, mode: DeploymentMode = "paper") {
  return {
    ownerId,
    strategyVersionId,
    mode,
    symbols: ["BTC/USDT"],
    timeframe: "1m",
    ...(mode === "paper" ? { paperCash: 10_000 } : {}),
    riskLimits: {},
  };
}

/**
 * A queued run's strategy version of `graph` (default: the SMA crossover example) and a deployment of it:
 * `deploymentRow` with `fields` over it.
 */
export async function createDeployment(
  prisma: PrismaClient,
  graph: unknown = exampleGraph("sma-crossover"),
  fields: Partial<Prisma.DeploymentUncheckedCreateInput> & { mode?: DeploymentMode } = {},
) {
  const { userId, versionId } = await createQueuedRun(prisma, graph, storedSettings(YEAR_2024));
  const deployment = await prisma.deployment.create({
    data: { ...deploymentRow(userId, versionId, fields.mode), ...fields },
  });
  return { userId, versionId, deployment };
}
