import { randomUUID } from "node:crypto";
import type { DeploymentCommand, DeploymentControlMessage, DesiredState } from "@tradegraph/contracts";
import { AppError } from "../app-error.ts";
import { recordAudit } from "../audit.ts";
import type { Caller, ServerDeps } from "../deps.ts";
import { deploymentSelect, deploymentView, ownDeployment } from "./deployments.ts";
import { announceDeploymentChange } from "./watch-deployment.ts";

interface Transition {
  /** Desired states the command is allowed from. */
  from: readonly DesiredState[];
  to: DesiredState;
  refusal: string;
}

const transitions: Record<DeploymentCommand, Transition> = {
  start: { from: ["stopped"], to: "running", refusal: "It is already started; pause or stop it instead." },
  pause: { from: ["running"], to: "paused", refusal: "Only a running deployment can be paused." },
  resume: { from: ["paused"], to: "running", refusal: "Only a paused deployment can be resumed." },
  stop: { from: ["running", "paused"], to: "stopped", refusal: "It is already stopped." },
  // Always allowed: flattening must work whatever the state, even after a stop left positions open.
  emergencyStop: { from: ["running", "paused", "stopped"], to: "stopped", refusal: "" },
};

const sentence: Record<DeploymentCommand, string> = {
  start: "Start requested.",
  pause: "Pause requested: no new orders; open orders and positions are kept.",
  resume: "Resume requested.",
  stop: "Stop requested: open orders will be cancelled, positions kept.",
  emergencyStop: "EMERGENCY STOP requested: cancel all open orders, flatten every position, then stop.",
};

/**
 * Records the desired state (the truth a restarted runner reconciles to), logs the event and audit row
 * in one transaction, then enqueues the command for the runner.
 */
export async function controlDeployment(
  deps: ServerDeps,
  caller: Caller,
  deploymentId: string,
  command: DeploymentCommand,
) {
  const current = await ownDeployment(deps, caller, deploymentId);
  const rule = transitions[command];
  if (!rule.from.includes(current.desiredState)) {
    throw new AppError(
      "CONFLICT",
      `Cannot ${command === "emergencyStop" ? "emergency stop" : command} this deployment: ${rule.refusal}`,
    );
  }
  const commandId = randomUUID();
  const row = await deps.prisma.$transaction(async (tx) => {
    const updated = await tx.deployment.updateMany({
      where: { id: deploymentId, desiredState: current.desiredState },
      data: {
        desiredState: rule.to,
        ...(command === "start" ? { status: "starting" as const, statusReason: null } : {}),
      },
    });
    if (updated.count !== 1)
      throw new AppError("CONFLICT", "The deployment changed meanwhile; reload and try again.");
    await tx.deploymentEvent.create({
      data: {
        deploymentId,
        level: command === "emergencyStop" ? "warn" : "info",
        kind: `command.${command}`,
        message: sentence[command],
        details: { commandId },
      },
    });
    await recordAudit({ prisma: tx }, caller, `deployment.${command}`, "deployment", deploymentId, {
      commandId,
      from: current.desiredState,
      to: rule.to,
      mode: current.mode,
    });
    return tx.deployment.findUniqueOrThrow({ where: { id: deploymentId }, select: deploymentSelect });
  });
  const message: DeploymentControlMessage = {
    commandId,
    deploymentId,
    command,
    requestedBy: caller.userId,
    requestedAt: new Date().toISOString(),
  };
  // Emergency stops jump the queue.
  await deps.queues.deploymentControl.add(command, message, {
    jobId: commandId,
    priority: command === "emergencyStop" ? 1 : 10,
    removeOnComplete: 1000,
    removeOnFail: 5000,
  });
  await announceDeploymentChange(deps, deploymentId, `command.${command}`);
  return deploymentView(row);
}
