import { router } from "../trpc.ts";
import { skeletonRouter } from "./skeleton.ts";

export const appRouter = router({
  skeleton: skeletonRouter,
});

/** The web app imports only this type. */
export type AppRouter = typeof appRouter;
