import type { Redis } from "ioredis";

// Atomic take from a bucket stored as a hash {tokens, at}; Redis' own clock (TIME) refills it, so every
// runner process sees one bucket and one clock. Returns {granted (0/1), ms until the next token}.
const TAKE = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + (now - at) * perMs)
local granted = 0
if tokens >= cost then tokens = tokens - cost granted = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMs) + 1000)
local wait = 0
if granted == 0 then wait = math.ceil((cost - tokens) / perMs) end
return {granted, wait}
`;

export interface TokenBucketOptions {
  /** Burst size (requests). */
  capacity: number;
  /** Sustained rate, requests per second. */
  perSecond: number;
}

/**
 * One rate limit per exchange API key, shared by every worker in every runner process (deployments and
 * backfills alike), so together they stay under the exchange's limit.
 */
export class SharedRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: TokenBucketOptions,
  ) {}

  private key(apiKeyId: string) {
    return `${this.prefix}:ratelimit:${apiKeyId}`;
  }

  /** Takes `cost` tokens if available now. */
  async tryTake(apiKeyId: string, cost = 1): Promise<{ granted: boolean; waitMs: number }> {
    const [granted, waitMs] = (await this.redis.eval(
      TAKE,
      1,
      this.key(apiKeyId),
      this.options.capacity,
      this.options.perSecond / 1000,
      cost,
    )) as [number, number];
    return { granted: granted === 1, waitMs };
  }

  /** Waits until `cost` tokens are granted (or the signal aborts). */
  async take(apiKeyId: string, cost = 1, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const { granted, waitMs } = await this.tryTake(apiKeyId, cost);
      if (granted) return;
      if (signal?.aborted) throw new Error("rate limiter wait aborted");
      await new Promise((r) => setTimeout(r, Math.max(1, waitMs)));
    }
  }
}
