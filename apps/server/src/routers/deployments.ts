import {
  createDeploymentInput,
  type DeploymentCommand,
  deploymentEventsInput,
  deploymentIdInput,
  updateRiskLimitsInput,
  versionRefInput,
} from "@tradegraph/contracts";
import { z } from "zod";
import { notFound } from "../domain/app-error.ts";
import { controlDeployment } from "../domain/deployments/control.ts";
import { createDeployment, listDeployments, updateRiskLimits } from "../domain/deployments/deployments.ts";
import { promotionGate } from "../domain/deployments/promotion-gate.ts";
import {
  deploymentEvents,
  deploymentFills,
  deploymentOrders,
  deploymentPnl,
  deploymentPositions,
  deploymentStatus,
} from "../domain/deployments/trading-views.ts";
import { watchDeployment } from "../domain/deployments/watch-deployment.ts";
import { ownStrategy } from "../domain/strategies/strategies.ts";
import { protectedProcedure, router } from "../trpc.ts";
import { toWire } from "../wire.ts";

const command = (name: DeploymentCommand) =>
  protectedProcedure
    .input(deploymentIdInput)
    .mutation(async ({ ctx, input }) =>
      toWire(await controlDeployment(ctx.deps, ctx.caller, input.deploymentId, name)),
    );

const listInput = z.object({
  deploymentId: deploymentIdInput.shape.deploymentId,
  limit: z.number().int().min(1).max(1000).default(200),
});

export const deploymentsRouter = router({
  /** Pins a version; rolling back = deploying an earlier version. Live needs the promotion gate or an override. */
  create: protectedProcedure
    .input(createDeploymentInput)
    .mutation(async ({ ctx, input }) => toWire(await createDeployment(ctx.deps, ctx.caller, input))),
  list: protectedProcedure
    .input(z.object({ strategyId: z.string().max(64).optional() }).default({}))
    .query(async ({ ctx, input }) => toWire(await listDeployments(ctx.deps, ctx.caller, input.strategyId))),
  status: protectedProcedure
    .input(deploymentIdInput)
    .query(async ({ ctx, input }) =>
      toWire(await deploymentStatus(ctx.deps, ctx.caller, input.deploymentId)),
    ),
  start: command("start"),
  pause: command("pause"),
  resume: command("resume"),
  stop: command("stop"),
  emergencyStop: command("emergencyStop"),
  updateRiskLimits: protectedProcedure
    .input(updateRiskLimitsInput)
    .mutation(async ({ ctx, input }) =>
      toWire(await updateRiskLimits(ctx.deps, ctx.caller, input.deploymentId, input.riskLimits)),
    ),
  positions: protectedProcedure
    .input(deploymentIdInput)
    .query(async ({ ctx, input }) =>
      toWire(await deploymentPositions(ctx.deps, ctx.caller, input.deploymentId)),
    ),
  orders: protectedProcedure
    .input(listInput)
    .query(async ({ ctx, input }) =>
      toWire(await deploymentOrders(ctx.deps, ctx.caller, input.deploymentId, input.limit)),
    ),
  fills: protectedProcedure
    .input(listInput)
    .query(async ({ ctx, input }) =>
      toWire(await deploymentFills(ctx.deps, ctx.caller, input.deploymentId, input.limit)),
    ),
  pnl: protectedProcedure
    .input(deploymentIdInput)
    .query(async ({ ctx, input }) => toWire(await deploymentPnl(ctx.deps, ctx.caller, input.deploymentId))),
  events: protectedProcedure
    .input(deploymentEventsInput)
    .query(async ({ ctx, input }) => toWire(await deploymentEvents(ctx.deps, ctx.caller, input))),
  /**
   * Server-sent events: `subscribed`, then `changed` (with what changed) whenever the runner records a
   * candle, trade, denial or halt, or a command is given; the dashboard refetches on each push.
   */
  watch: protectedProcedure.input(deploymentIdInput).subscription(async function* ({ ctx, input, signal }) {
    yield* watchDeployment(ctx.deps, ctx.caller, input.deploymentId, signal);
  }),
  /** Whether a version may go live without an override, and why not. */
  promotionGate: protectedProcedure.input(versionRefInput).query(async ({ ctx, input }) => {
    await ownStrategy(ctx.deps, ctx.caller, input.strategyId);
    const version = await ctx.deps.prisma.strategyVersion.findUnique({
      where: { strategyId_number: { strategyId: input.strategyId, number: input.number } },
      select: { id: true },
    });
    if (!version) throw notFound("version");
    return promotionGate(ctx.deps, version.id);
  }),
});
