import type { Prisma } from "@tradegraph/db";
import type { GraphDocument } from "@tradegraph/nodes";
import { AppError, notFound } from "../app-error.ts";
import type { Caller, ServerDeps } from "../deps.ts";
import { checkGraph } from "./graph-check.ts";

export const strategySelect = {
  id: true,
  name: true,
  description: true,
  latestVersion: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
} as const;

type Tx = Prisma.TransactionClient;

/** The caller's strategy, live or (with `deleted`) in the recycle bin; NOT_FOUND otherwise. */
export async function ownStrategy(deps: ServerDeps, caller: Caller, strategyId: string, deleted = false) {
  const strategy = await deps.prisma.strategy.findFirst({
    where: { id: strategyId, ownerId: caller.userId, deletedAt: deleted ? { not: null } : null },
    select: strategySelect,
  });
  if (!strategy) throw notFound("strategy");
  return strategy;
}

/** Appends version latest+1 inside `tx`; the row update serialises concurrent saves of one strategy. */
export async function appendVersion(tx: Tx, strategyId: string, graph: GraphDocument, message: string) {
  const { latestVersion } = await tx.strategy.update({
    where: { id: strategyId },
    data: { latestVersion: { increment: 1 } },
    select: { latestVersion: true },
  });
  return tx.strategyVersion.create({
    data: { strategyId, number: latestVersion, graph: graph as unknown as Prisma.InputJsonObject, message },
    select: { id: true, number: true, message: true, createdAt: true },
  });
}

export interface NewStrategy {
  name: string;
  description?: string | undefined;
  graph?: unknown;
  message?: string | undefined;
  templateId?: string | undefined;
}

export async function createStrategy(deps: ServerDeps, caller: Caller, input: NewStrategy) {
  let graph: GraphDocument | undefined;
  let message = input.message;
  if (input.templateId !== undefined) {
    const template = await deps.prisma.template.findUnique({ where: { id: input.templateId } });
    if (!template) throw notFound("template");
    graph = checkGraph(template.graph);
    message ??= `Created from template "${template.name}"`;
  } else if (input.graph !== undefined) {
    graph = checkGraph(input.graph);
  }
  return deps.prisma.$transaction(async (tx) => {
    const strategy = await tx.strategy.create({
      data: { ownerId: caller.userId, name: input.name, description: input.description ?? "" },
      select: { id: true },
    });
    if (graph) await appendVersion(tx, strategy.id, graph, message ?? "First version");
    return tx.strategy.findUniqueOrThrow({ where: { id: strategy.id }, select: strategySelect });
  });
}

export async function listStrategies(
  deps: ServerDeps,
  caller: Caller,
  input: { search?: string | undefined; deleted: boolean },
) {
  const search = input.search?.trim();
  return deps.prisma.strategy.findMany({
    where: {
      ownerId: caller.userId,
      deletedAt: input.deleted ? { not: null } : null,
      ...(search ? { name: { contains: search, mode: "insensitive" as const } } : {}),
    },
    orderBy: { updatedAt: "desc" },
    take: 500,
    select: strategySelect,
  });
}

export async function getStrategy(deps: ServerDeps, caller: Caller, strategyId: string) {
  const strategy = await ownStrategy(deps, caller, strategyId);
  const latest =
    strategy.latestVersion > 0
      ? await deps.prisma.strategyVersion.findUnique({
          where: { strategyId_number: { strategyId, number: strategy.latestVersion } },
          select: { number: true, message: true, graph: true, createdAt: true },
        })
      : null;
  return { ...strategy, latest };
}

export async function renameStrategy(deps: ServerDeps, caller: Caller, strategyId: string, name: string) {
  await ownStrategy(deps, caller, strategyId);
  return deps.prisma.strategy.update({ where: { id: strategyId }, data: { name }, select: strategySelect });
}

/** A new strategy whose first version is a copy of the latest version of the original. */
export async function duplicateStrategy(deps: ServerDeps, caller: Caller, strategyId: string) {
  const original = await getStrategy(deps, caller, strategyId);
  return deps.prisma.$transaction(async (tx) => {
    const copy = await tx.strategy.create({
      data: {
        ownerId: caller.userId,
        name: `Copy of ${original.name}`.slice(0, 120),
        description: original.description,
      },
      select: { id: true },
    });
    if (original.latest) {
      await appendVersion(
        tx,
        copy.id,
        original.latest.graph as unknown as GraphDocument,
        `Copied from "${original.name}" version ${original.latest.number}`,
      );
    }
    return tx.strategy.findUniqueOrThrow({ where: { id: copy.id }, select: strategySelect });
  });
}

export async function deleteStrategy(deps: ServerDeps, caller: Caller, strategyId: string) {
  await ownStrategy(deps, caller, strategyId);
  const active = await deps.prisma.deployment.count({
    where: { strategyVersion: { strategyId }, desiredState: { not: "stopped" } },
  });
  if (active > 0) {
    throw new AppError("CONFLICT", "Stop this strategy's running deployments before deleting it.");
  }
  return deps.prisma.strategy.update({
    where: { id: strategyId },
    data: { deletedAt: new Date() },
    select: strategySelect,
  });
}

export async function restoreStrategy(deps: ServerDeps, caller: Caller, strategyId: string) {
  await ownStrategy(deps, caller, strategyId, true);
  return deps.prisma.strategy.update({
    where: { id: strategyId },
    data: { deletedAt: null },
    select: strategySelect,
  });
}
