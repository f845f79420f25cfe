import type { Queue } from "bullmq";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Prometheus metrics of one server process, served at /metrics. */
export interface ServerMetrics {
  registry: Registry;
  /** Call when a request ends. `route` is the tRPC path or URL pattern, never the raw URL (ids). */
  observeRequest(route: string, method: string, status: number, seconds: number): void;
}

export function createServerMetrics(queues: Record<string, Queue>): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tradegraph_server_" });
  const requests = new Counter({
    name: "tradegraph_http_requests_total",
    help: "HTTP requests by route, method and status code",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "tradegraph_http_request_duration_seconds",
    help: "HTTP request latency by route",
    labelNames: ["route", "method"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: "tradegraph_queue_jobs",
    help: "BullMQ jobs per queue and state, read when scraped",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [name, queue] of Object.entries(queues)) {
        const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed", "prioritized");
        for (const [state, count] of Object.entries(counts)) this.set({ queue: name, state }, count);
      }
    },
  });
  return {
    registry,
    observeRequest(route, method, status, seconds) {
      requests.inc({ route, method, status: String(status) });
      latency.observe({ route, method }, seconds);
    },
  };
}
