import {
  createStrategyInput,
  diffVersionsInput,
  importStrategyInput,
  listStrategiesInput,
  renameStrategyInput,
  saveVersionInput,
  strategyIdInput,
  versionRefInput,
} from "@tradegraph/contracts";
import { z } from "zod";
import { exportStrategy, importStrategy } from "../domain/strategies/import-export.ts";
import {
  createStrategy,
  deleteStrategy,
  duplicateStrategy,
  getStrategy,
  listStrategies,
  renameStrategy,
  restoreStrategy,
} from "../domain/strategies/strategies.ts";
import { listTemplates } from "../domain/strategies/templates.ts";
import {
  diffVersions,
  getVersion,
  listVersions,
  restoreVersion,
  saveVersion,
} from "../domain/strategies/versions.ts";
import { protectedProcedure, router } from "../trpc.ts";
import { toWire } from "../wire.ts";

export const strategiesRouter = router({
  list: protectedProcedure
    .input(listStrategiesInput)
    .query(async ({ ctx, input }) => toWire(await listStrategies(ctx.deps, ctx.caller, input))),
  get: protectedProcedure
    .input(strategyIdInput)
    .query(async ({ ctx, input }) => toWire(await getStrategy(ctx.deps, ctx.caller, input.strategyId))),
  create: protectedProcedure
    .input(createStrategyInput)
    .mutation(async ({ ctx, input }) => toWire(await createStrategy(ctx.deps, ctx.caller, input))),
  rename: protectedProcedure
    .input(renameStrategyInput)
    .mutation(async ({ ctx, input }) =>
      toWire(await renameStrategy(ctx.deps, ctx.caller, input.strategyId, input.name)),
    ),
  duplicate: protectedProcedure
    .input(strategyIdInput)
    .mutation(async ({ ctx, input }) =>
      toWire(await duplicateStrategy(ctx.deps, ctx.caller, input.strategyId)),
    ),
  /** Soft delete: the strategy moves to the recycle bin (`list({ deleted: true })`) and can be restored. */
  delete: protectedProcedure
    .input(strategyIdInput)
    .mutation(async ({ ctx, input }) => toWire(await deleteStrategy(ctx.deps, ctx.caller, input.strategyId))),
  restore: protectedProcedure
    .input(strategyIdInput)
    .mutation(async ({ ctx, input }) =>
      toWire(await restoreStrategy(ctx.deps, ctx.caller, input.strategyId)),
    ),

  /** Compiles the graph; valid → a new immutable version, invalid → GRAPH_INVALID with node-level issues. */
  saveVersion: protectedProcedure
    .input(saveVersionInput)
    .mutation(async ({ ctx, input }) => toWire(await saveVersion(ctx.deps, ctx.caller, input))),
  versions: protectedProcedure
    .input(strategyIdInput)
    .query(async ({ ctx, input }) => toWire(await listVersions(ctx.deps, ctx.caller, input.strategyId))),
  version: protectedProcedure
    .input(versionRefInput)
    .query(async ({ ctx, input }) =>
      toWire(await getVersion(ctx.deps, ctx.caller, input.strategyId, input.number)),
    ),
  diff: protectedProcedure
    .input(diffVersionsInput)
    .query(({ ctx, input }) => diffVersions(ctx.deps, ctx.caller, input)),
  /** The old graph becomes the newest version; history is never rewritten. */
  restoreVersion: protectedProcedure
    .input(versionRefInput)
    .mutation(async ({ ctx, input }) =>
      toWire(await restoreVersion(ctx.deps, ctx.caller, input.strategyId, input.number)),
    ),

  import: protectedProcedure
    .input(importStrategyInput)
    .mutation(async ({ ctx, input }) => toWire(await importStrategy(ctx.deps, ctx.caller, input))),
  export: protectedProcedure
    .input(
      z.object({ strategyId: strategyIdInput.shape.strategyId, number: z.number().int().min(1).optional() }),
    )
    .query(({ ctx, input }) => exportStrategy(ctx.deps, ctx.caller, input)),
  templates: protectedProcedure.query(async ({ ctx }) => toWire(await listTemplates(ctx.deps))),
});
