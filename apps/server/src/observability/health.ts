import { RUNNER_HEARTBEAT_KEY, RUNNER_HEARTBEAT_STALE_MS } from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";
import type { Redis } from "ioredis";

export interface HealthCheck {
  ok: boolean;
  detail: string;
}
export interface HealthReport {
  ok: boolean;
  database: HealthCheck;
  redis: HealthCheck;
  runner: HealthCheck;
}

async function timed<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Database and Redis are pinged; the runner is judged by the heartbeat key it refreshes
 * (contracts: RUNNER_HEARTBEAT_KEY, value = ISO time of the last beat).
 */
export async function checkHealth(
  deps: { prisma: PrismaClient; redis: Redis; redisPrefix: string },
  now = Date.now(),
): Promise<HealthReport> {
  const database = await timed(deps.prisma.$queryRaw`SELECT 1`, 2000).then(
    () => ({ ok: true, detail: "reachable" }),
    (e: Error) => ({ ok: false, detail: `PostgreSQL unreachable: ${e.message.split("\n")[0]}` }),
  );
  let redis: HealthCheck;
  let runner: HealthCheck;
  try {
    await timed(deps.redis.ping(), 2000);
    redis = { ok: true, detail: "reachable" };
    const beat = await timed(deps.redis.get(`${deps.redisPrefix}:${RUNNER_HEARTBEAT_KEY}`), 2000);
    const age = beat ? now - Date.parse(beat) : null;
    runner =
      age === null || Number.isNaN(age)
        ? { ok: false, detail: "no runner heartbeat yet (is the runner started?)" }
        : age > RUNNER_HEARTBEAT_STALE_MS
          ? { ok: false, detail: `last runner heartbeat ${Math.round(age / 1000)} s ago` }
          : { ok: true, detail: `heartbeat ${Math.round(age / 1000)} s ago` };
  } catch (e) {
    redis = { ok: false, detail: `Redis unreachable: ${(e as Error).message}` };
    runner = { ok: false, detail: "unknown (Redis unreachable)" };
  }
  return { ok: database.ok && redis.ok && runner.ok, database, redis, runner };
}
