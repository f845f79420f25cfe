import type { AuditAction } from "@tradegraph/contracts";
import type { Prisma } from "@tradegraph/db";
import type { Caller, ServerDeps } from "./deps.ts";

type Db = Pick<ServerDeps["prisma"], "auditEvent"> | Prisma.TransactionClient;

/**
 * Appends one audit event. Pass the transaction client when the action itself is in a transaction,
 * so the action and its audit row commit together. Never put secrets in `details`.
 */
export async function recordAudit(
  deps: Pick<ServerDeps, "prisma"> | { prisma: Db },
  caller: Caller,
  action: AuditAction,
  subjectType: string,
  subjectId: string,
  details: Record<string, unknown>,
) {
  await deps.prisma.auditEvent.create({
    data: {
      userId: caller.userId,
      ip: caller.ip ?? null,
      action,
      subjectType,
      subjectId,
      details: details as Prisma.InputJsonObject,
    },
  });
}

export async function listAudit(
  deps: ServerDeps,
  caller: Caller,
  input: { limit: number; before?: number | undefined; subjectId?: string | undefined },
) {
  return deps.prisma.auditEvent.findMany({
    where: {
      userId: caller.userId,
      ...(input.before !== undefined ? { id: { lt: input.before } } : {}),
      ...(input.subjectId !== undefined ? { subjectId: input.subjectId } : {}),
    },
    orderBy: { id: "desc" },
    take: input.limit,
    select: { id: true, action: true, subjectType: true, subjectId: true, details: true, createdAt: true },
  });
}
