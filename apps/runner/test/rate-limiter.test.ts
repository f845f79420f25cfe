import { redisConnectionOptions } from "@tradegraph/config";
import { createTestRedis, type TestRedis } from "@tradegraph/db/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharedRateLimiter } from "../src/rate-limit/token-bucket.ts";

describe("shared rate limiter (token bucket in Redis Lua)", () => {
  let redis: TestRedis;
  let a: Redis;
  let b: Redis;
  beforeAll(() => {
    redis = createTestRedis();
    a = new Redis(redisConnectionOptions(redis.url));
    b = new Redis(redisConnectionOptions(redis.url));
  });
  afterAll(async () => {
    a?.disconnect();
    b?.disconnect();
    await redis?.cleanup();
  });

  it("two clients (as two runner processes) share one bucket per API key and never exceed it together", async () => {
    // 6 requests of burst, refilling one per hour: nothing refills during the test.
    const options = { capacity: 6, perSecond: 1 / 3600 };
    const first = new SharedRateLimiter(a, redis.prefix, options);
    const second = new SharedRateLimiter(b, redis.prefix, options);
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).tryTake("key-1")),
    );
    expect(attempts.filter((r) => r.granted)).toHaveLength(6);
    const denied = attempts.find((r) => !r.granted)!;
    expect(denied.waitMs).toBeGreaterThan(3_000_000);
    // Another API key has its own bucket.
    expect((await second.tryTake("key-2")).granted).toBe(true);
    // A request that costs more than the bucket holds is denied without taking anything.
    expect((await first.tryTake("key-2", 6)).granted).toBe(false);
    expect((await first.tryTake("key-2", 5)).granted).toBe(true);
  });
});
