import type { CreateDeploymentInput, CredentialPermissions, RiskLimits } from "@tradegraph/contracts";
import type { Prisma } from "@tradegraph/db";
import { AppError, notFound } from "../app-error.ts";
import { recordAudit } from "../audit.ts";
import type { Caller, ServerDeps } from "../deps.ts";
import { ownStrategy } from "../strategies/strategies.ts";
import { promotionGate } from "./promotion-gate.ts";

export const deploymentSelect = {
  id: true,
  strategyVersionId: true,
  mode: true,
  credentialId: true,
  symbols: true,
  timeframe: true,
  paperCash: true,
  riskLimits: true,
  desiredState: true,
  status: true,
  statusReason: true,
  lastHeartbeatAt: true,
  createdAt: true,
  updatedAt: true,
  strategyVersion: { select: { number: true, strategy: { select: { id: true, name: true } } } },
} as const;

type Row = Prisma.DeploymentGetPayload<{ select: typeof deploymentSelect }>;

export function deploymentView(row: Row) {
  const { strategyVersion, paperCash, riskLimits, ...rest } = row;
  return {
    ...rest,
    paperCash: paperCash === null ? null : Number(paperCash),
    riskLimits: riskLimits as RiskLimits,
    strategyId: strategyVersion.strategy.id,
    strategyName: strategyVersion.strategy.name,
    versionNumber: strategyVersion.number,
  };
}

export async function ownDeployment(deps: ServerDeps, caller: Caller, deploymentId: string) {
  const row = await deps.prisma.deployment.findFirst({
    where: { id: deploymentId, ownerId: caller.userId },
    select: deploymentSelect,
  });
  if (!row) throw notFound("deployment");
  return row;
}

async function checkCredential(deps: ServerDeps, caller: Caller, input: CreateDeploymentInput) {
  if (input.mode === "paper") {
    if (input.credentialId !== undefined) {
      throw new AppError("VALIDATION_FAILED", "Paper trading uses no exchange key; leave the key empty.");
    }
    return null;
  }
  if (input.credentialId === undefined) {
    throw new AppError(
      "VALIDATION_FAILED",
      `A ${input.mode} deployment needs an exchange key; add one first.`,
    );
  }
  const credential = await deps.prisma.exchangeCredential.findFirst({
    where: { id: input.credentialId, ownerId: caller.userId, deletedAt: null },
    select: { id: true, mode: true, permissions: true, label: true },
  });
  if (!credential) throw notFound("exchange key");
  if (credential.mode !== input.mode) {
    throw new AppError(
      "VALIDATION_FAILED",
      `The key "${credential.label}" is a ${credential.mode} key; a ${input.mode} deployment needs a ${input.mode} key.`,
    );
  }
  if (input.mode === "live") {
    const permissions = credential.permissions as CredentialPermissions | null;
    if (permissions === null) {
      throw new AppError(
        "CREDENTIAL_REJECTED",
        `Test the key "${credential.label}" before trading live with it.`,
      );
    }
    if (permissions.canWithdraw) {
      throw new AppError(
        "CREDENTIAL_REJECTED",
        `The key "${credential.label}" can withdraw funds; live trading needs a key without withdrawal permission.`,
      );
    }
    if (!permissions.canTradeSpot) {
      throw new AppError(
        "CREDENTIAL_REJECTED",
        `The key "${credential.label}" is not allowed to trade spot.`,
      );
    }
  }
  return credential.id;
}

/** Symbol rules the input schema cannot express: no repeats, and one symbol outside paper trading. */
function checkSymbols(input: CreateDeploymentInput) {
  const repeated = input.symbols.find((symbol, k) => input.symbols.indexOf(symbol) !== k);
  if (repeated !== undefined) {
    throw new AppError("VALIDATION_FAILED", `symbols: ${repeated} is listed twice; list each symbol once.`);
  }
  // The runner's exchange broker trades one market per deployment; paper shares cash across several.
  if (input.mode !== "paper" && input.symbols.length > 1) {
    throw new AppError(
      "VALIDATION_FAILED",
      "symbols: testnet and live deployments trade one symbol for now; deploy one per symbol.",
    );
  }
}

export async function createDeployment(deps: ServerDeps, caller: Caller, input: CreateDeploymentInput) {
  checkSymbols(input);
  const strategy = await ownStrategy(deps, caller, input.strategyId);
  const version = await deps.prisma.strategyVersion.findUnique({
    where: { strategyId_number: { strategyId: strategy.id, number: input.versionNumber } },
    select: { id: true },
  });
  if (!version) throw notFound("version");
  const credentialId = await checkCredential(deps, caller, input);

  let overridden: Awaited<ReturnType<typeof promotionGate>> | null = null;
  if (input.mode === "live") {
    const gate = await promotionGate(deps, version.id);
    if (!gate.passed) {
      if (input.overrideConfirmation?.trim() !== strategy.name) {
        throw new AppError(
          "PROMOTION_GATE",
          `Version ${input.versionNumber} has not earned live trading: ${gate.reasons.join(" ")} To deploy anyway, type the strategy name "${strategy.name}" to confirm.`,
        );
      }
      overridden = gate;
    }
  }
  if (input.mode === "paper" && input.paperCash === undefined) {
    throw new AppError("VALIDATION_FAILED", "Paper trading needs starting cash.");
  }

  return deps.prisma.$transaction(async (tx) => {
    const row = await tx.deployment.create({
      data: {
        ownerId: caller.userId,
        strategyVersionId: version.id,
        mode: input.mode,
        credentialId,
        symbols: input.symbols,
        timeframe: input.timeframe,
        paperCash: input.mode === "paper" ? String(input.paperCash) : null,
        riskLimits: input.riskLimits,
      },
      select: deploymentSelect,
    });
    const details = {
      strategyId: strategy.id,
      versionNumber: input.versionNumber,
      mode: input.mode,
      symbols: input.symbols,
      timeframe: input.timeframe,
      riskLimits: input.riskLimits,
    };
    await recordAudit({ prisma: tx }, caller, "deployment.created", "deployment", row.id, details);
    if (overridden) {
      await recordAudit({ prisma: tx }, caller, "deployment.promotionGateOverridden", "deployment", row.id, {
        versionNumber: input.versionNumber,
        trades: overridden.trades,
        winRate: overridden.winRate,
        profitFactor: overridden.profitFactor,
        reasons: overridden.reasons,
        typedConfirmation: input.overrideConfirmation,
      });
    }
    await tx.deploymentEvent.create({
      data: {
        deploymentId: row.id,
        level: overridden ? "warn" : "info",
        kind: "deployment.created",
        message: `Deployed version ${input.versionNumber} in ${input.mode} mode on ${input.symbols.join(", ")}${overridden ? " (promotion gate overridden)" : ""}.`,
      },
    });
    return deploymentView(row);
  });
}

export async function listDeployments(deps: ServerDeps, caller: Caller, strategyId?: string) {
  const rows = await deps.prisma.deployment.findMany({
    where: { ownerId: caller.userId, ...(strategyId ? { strategyVersion: { strategyId } } : {}) },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: deploymentSelect,
  });
  return rows.map(deploymentView);
}

export async function updateRiskLimits(
  deps: ServerDeps,
  caller: Caller,
  deploymentId: string,
  riskLimits: RiskLimits,
) {
  const before = await ownDeployment(deps, caller, deploymentId);
  return deps.prisma.$transaction(async (tx) => {
    const row = await tx.deployment.update({
      where: { id: deploymentId },
      data: { riskLimits },
      select: deploymentSelect,
    });
    await recordAudit({ prisma: tx }, caller, "deployment.riskLimitsChanged", "deployment", deploymentId, {
      before: before.riskLimits,
      after: riskLimits,
    });
    await tx.deploymentEvent.create({
      data: {
        deploymentId,
        level: "info",
        kind: "riskLimits.changed",
        message: "Risk limits changed.",
        details: { before: before.riskLimits, after: riskLimits } as Prisma.InputJsonObject,
      },
    });
    return deploymentView(row);
  });
}
