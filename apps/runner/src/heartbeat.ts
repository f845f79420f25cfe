import { RUNNER_HEARTBEAT_KEY, RUNNER_HEARTBEAT_STALE_MS } from "@tradegraph/contracts";
import type { Redis } from "ioredis";

/**
 * Refreshes `${prefix}:runner:heartbeat` (value = ISO time) every few seconds. The key expires on its own
 * after RUNNER_HEARTBEAT_STALE_MS, so a killed runner stops looking healthy without anyone cleaning up.
 */
export function startHeartbeat(redis: Redis, prefix: string, everyMs = 5_000): { stop(): void } {
  const key = `${prefix}:${RUNNER_HEARTBEAT_KEY}`;
  const beat = () =>
    redis.set(key, new Date().toISOString(), "PX", RUNNER_HEARTBEAT_STALE_MS).catch((error: Error) => {
      console.error(`runner: heartbeat failed: ${error.message}`);
    });
  void beat();
  const timer = setInterval(beat, everyMs);
  return { stop: () => clearInterval(timer) };
}
