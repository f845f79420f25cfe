import { router } from "../trpc.ts";
import { auditRouter } from "./audit.ts";
import { authRouter } from "./auth.ts";
import { backtestsRouter } from "./backtests.ts";
import { credentialsRouter } from "./credentials.ts";
import { dataRouter } from "./data.ts";
import { deploymentsRouter } from "./deployments.ts";
import { skeletonRouter } from "./skeleton.ts";
import { strategiesRouter } from "./strategies.ts";

export const appRouter = router({
  skeleton: skeletonRouter,
  auth: authRouter,
  strategies: strategiesRouter,
  backtests: backtestsRouter,
  deployments: deploymentsRouter,
  credentials: credentialsRouter,
  audit: auditRouter,
  data: dataRouter,
});

/** The web app imports only this type. */
export type AppRouter = typeof appRouter;
