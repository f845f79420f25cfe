import { createHash } from "node:crypto";
import { SIGN_IN_MAX_ATTEMPTS, SIGN_IN_WINDOW_SECONDS } from "@tradegraph/contracts";
import type { Redis } from "ioredis";

/** Failed sign-in attempts per email + IP, counted in Redis so every server process shares them. */
export class SignInLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly maxAttempts = SIGN_IN_MAX_ATTEMPTS,
    private readonly windowSeconds = SIGN_IN_WINDOW_SECONDS,
  ) {}

  private key(email: string, ip: string | undefined): string {
    // Hashed so Redis never holds email addresses in clear.
    const id = createHash("sha256")
      .update(`${email}\0${ip ?? "unknown"}`)
      .digest("hex")
      .slice(0, 32);
    return `${this.prefix}:auth:signin:${id}`;
  }

  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  async retryAfterSeconds(email: string, ip: string | undefined): Promise<number> {
    const key = this.key(email, ip);
    const count = Number((await this.redis.get(key)) ?? 0);
    if (count < this.maxAttempts) return 0;
    return Math.max(1, await this.redis.ttl(key));
  }

  async recordFailure(email: string, ip: string | undefined): Promise<void> {
    const key = this.key(email, ip);
    const count = await this.redis.incr(key);
    if (count === 1) await this.redis.expire(key, this.windowSeconds);
  }

  async reset(email: string, ip: string | undefined): Promise<void> {
    await this.redis.del(this.key(email, ip));
  }
}
