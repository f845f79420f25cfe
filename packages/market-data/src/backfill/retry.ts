import ccxt from "ccxt";

/** Errors worth retrying: the request may succeed later. Anything else (bad symbol, auth) fails fast. */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof ccxt.NetworkError ||
    error instanceof ccxt.RateLimitExceeded ||
    error instanceof ccxt.DDoSProtection ||
    error instanceof ccxt.ExchangeNotAvailable ||
    error instanceof ccxt.RequestTimeout
  );
}

export interface RetryPolicy {
  /** Attempts per request before giving up (default 8). */
  maxAttempts?: number;
  /** First wait, doubled after each failure up to maxDelayMs (defaults 500 ms and 30 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/** Runs `request`, retrying retryable errors with exponential backoff; reports each retry. */
export async function withRetry<T>(
  what: string,
  request: () => Promise<T>,
  options: RetryPolicy & {
    sleep?: Sleep;
    signal?: AbortSignal;
    onRetry?: (error: Error, waitMs: number) => void;
  } = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 8;
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!isRetryable(error) || attempt >= maxAttempts || options.signal?.aborted) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${what} failed after ${attempt} attempt${attempt > 1 ? "s" : ""}: ${reason}`, {
          cause: error,
        });
      }
      const waitMs = Math.min(max, base * 2 ** (attempt - 1));
      options.onRetry?.(error as Error, waitMs);
      await (options.sleep ?? sleep)(waitMs, options.signal);
    }
  }
}
