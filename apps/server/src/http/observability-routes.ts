import type { FastifyInstance } from "fastify";
import type { ServerDeps } from "../domain/deps.ts";
import { checkHealth } from "../observability/health.ts";
import { createServerMetrics } from "../observability/metrics.ts";

/**
 * Prometheus metrics at /metrics (request counts and latency per route, queue depth per queue state)
 * and /health/details (database, Redis, runner heartbeat).
 */
export function registerObservability(app: FastifyInstance, deps: ServerDeps) {
  const metrics = createServerMetrics({
    backtests: deps.queues.backtests,
    "deployment-control": deps.queues.deploymentControl,
  });
  app.addHook("onResponse", async (request, reply) => {
    // tRPC path (e.g. "strategies.list") or the route pattern: never raw URLs, which carry ids.
    const url = request.url.split("?")[0] ?? "";
    const route = url.startsWith("/trpc/")
      ? `trpc:${url.slice(6)}`
      : (request.routeOptions.url ?? "unmatched");
    metrics.observeRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get("/metrics", async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  app.get("/health/details", async (_request, reply) => {
    const report = await checkHealth(deps);
    // The runner being down does not make the API unhealthy: it is reported, the UI shows it.
    return reply.code(report.database.ok && report.redis.ok ? 200 : 503).send(report);
  });
  return metrics;
}
