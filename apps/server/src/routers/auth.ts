import { signInInput, signUpInput } from "@tradegraph/contracts";
import { setupState, signIn, signUp } from "../domain/auth/accounts.ts";
import { deleteSession } from "../domain/auth/sessions.ts";
import { protectedProcedure, router, servicesProcedure } from "../trpc.ts";
import { toWire } from "../wire.ts";

export const authRouter = router({
  /** Public on purpose: the start page asks it to offer "create the first account". Reveals one boolean. */
  setupState: servicesProcedure.query(({ ctx }) => setupState(ctx.deps)),

  signUp: servicesProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const { user, token, expiresAt } = await signUp(ctx.deps, input, ctx.request.ip);
    ctx.request.setSessionCookie(token, expiresAt);
    return toWire(user);
  }),

  signIn: servicesProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const { user, token, expiresAt } = await signIn(ctx.deps, input, ctx.request.ip);
    ctx.request.setSessionCookie(token, expiresAt);
    return toWire(user);
  }),

  signOut: protectedProcedure.mutation(async ({ ctx }) => {
    await deleteSession(ctx.deps.prisma, ctx.request.sessionToken());
    ctx.request.clearSessionCookie();
    return { signedOut: true };
  }),

  me: protectedProcedure.query(({ ctx }) => toWire(ctx.user)),
});
