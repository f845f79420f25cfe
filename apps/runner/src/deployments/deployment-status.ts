// Every status the runner sets is also announced on the deployment's Redis channel, so the dashboard
// header (subscribed through the server's deployments.watch) changes by push rather than on its next poll.
import {
  type DeploymentStatusMessage,
  deploymentEventsChannel,
  type RUNNER_SET_STATUSES,
} from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";
import type { Redis } from "ioredis";

export type RunnerSetStatus = (typeof RUNNER_SET_STATUSES)[number];

export interface StatusTarget {
  prisma: PrismaClient;
  deploymentId: string;
  /** Publisher connection and prefix; omitted = database only. */
  redis?: Redis;
  prefix?: string;
}

export function statusMessage(status: RunnerSetStatus, reason: string | null): DeploymentStatusMessage {
  return { kind: "status", status, reason, time: Date.now() };
}

/**
 * Writes the status (and its reason: `undefined` leaves the stored one, null clears it) and then publishes
 * it; the row is written first so a dashboard refetching on the push reads the new status.
 */
export async function setDeploymentStatus(
  target: StatusTarget,
  status: RunnerSetStatus,
  reason: string | null | undefined,
  extra: { lastHeartbeatAt?: Date } = {},
): Promise<void> {
  const { prisma, deploymentId } = target;
  const row = await prisma.deployment.update({
    where: { id: deploymentId },
    data: { status, ...(reason !== undefined ? { statusReason: reason } : {}), ...extra },
    select: { statusReason: true },
  });
  if (!target.redis || !target.prefix) return;
  await target.redis.publish(
    `${target.prefix}:${deploymentEventsChannel(deploymentId)}`,
    JSON.stringify([statusMessage(status, row.statusReason)]),
  );
}
