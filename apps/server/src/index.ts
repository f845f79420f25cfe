export { buildServer, defaultWebDistDir } from "./app.ts";
export type { ServerDeps } from "./domain/deps.ts";
export { seedTemplates } from "./domain/strategies/templates.ts";
export { createLogger } from "./observability/logger.ts";
export type { AppRouter } from "./routers/index.ts";
export { appRouter } from "./routers/index.ts";
export type { RunView } from "./routers/skeleton.ts";
export {
  createServerServices,
  defaultExamplesDir,
  type ServerServices,
  servicesFromConfig,
} from "./services.ts";
export { createSkeletonQueue, type SkeletonQueue } from "./skeleton-queue.ts";
export { type Context, createCallerFactory, type FieldErrors } from "./trpc.ts";
