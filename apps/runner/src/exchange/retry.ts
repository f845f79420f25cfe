import ccxt from "ccxt";

export interface RetryOptions {
  /** Attempts in all (first try included). */
  attempts?: number;
  /** First pause; doubles each retry. */
  baseDelayMs?: number;
  signal?: AbortSignal;
}

/** 429/418 (rate limit), 5xx, timeouts and dropped connections: the request may be repeated. */
export function isTransient(error: unknown): boolean {
  return error instanceof ccxt.NetworkError;
}

/** Binance answers a second order with a client order id it already has with -2010 "Duplicate order sent". */
export function isDuplicateOrder(error: unknown): boolean {
  return error instanceof ccxt.InvalidOrder && /duplicate order/i.test((error as Error).message);
}

/** Runs `call`, repeating it after transient exchange errors with exponential backoff. */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  let delay = options.baseDelayMs ?? 200;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isTransient(error) || attempt >= attempts || options.signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}
