import { listAuditInput } from "@tradegraph/contracts";
import { listAudit } from "../domain/audit.ts";
import { protectedProcedure, router } from "../trpc.ts";
import { toWire } from "../wire.ts";

export const auditRouter = router({
  /** The caller's money-relevant actions, newest first. */
  list: protectedProcedure
    .input(listAuditInput)
    .query(async ({ ctx, input }) => toWire(await listAudit(ctx.deps, ctx.caller, input))),
});
