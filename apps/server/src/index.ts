export { buildServer, defaultWebDistDir } from "./app.ts";
export type { AppRouter } from "./routers/index.ts";
export { appRouter } from "./routers/index.ts";
export type { RunView } from "./routers/skeleton.ts";
export { createSkeletonQueue, type SkeletonQueue } from "./skeleton-queue.ts";
export { type Context, createCallerFactory, type FieldErrors } from "./trpc.ts";
