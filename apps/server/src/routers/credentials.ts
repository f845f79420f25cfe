import { createCredentialInput, credentialIdInput } from "@tradegraph/contracts";
import {
  addCredential,
  listCredentials,
  removeCredential,
  testConnection,
} from "../domain/credentials/credentials.ts";
import { protectedProcedure, router } from "../trpc.ts";
import { toWire } from "../wire.ts";

/** Keys go in, never out: responses carry only label, exchange, mode, last 4 characters and permissions. */
export const credentialsRouter = router({
  add: protectedProcedure
    .input(createCredentialInput)
    .mutation(async ({ ctx, input }) => toWire(await addCredential(ctx.deps, ctx.caller, input))),
  list: protectedProcedure.query(async ({ ctx }) => toWire(await listCredentials(ctx.deps, ctx.caller))),
  remove: protectedProcedure
    .input(credentialIdInput)
    .mutation(({ ctx, input }) => removeCredential(ctx.deps, ctx.caller, input.credentialId)),
  testConnection: protectedProcedure
    .input(credentialIdInput)
    .mutation(({ ctx, input }) => testConnection(ctx.deps, ctx.caller, input.credentialId)),
});
