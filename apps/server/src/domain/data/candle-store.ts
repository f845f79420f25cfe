import { CandleStore } from "@tradegraph/market-data";
import { AppError } from "../app-error.ts";
import type { ServerDeps } from "../deps.ts";

// The candle store sits beside the domain services without widening ServerDeps: services.ts attaches
// one per process (DATABASE_URL), tests attach one on their own database.
const stores = new WeakMap<object, CandleStore>();

export function attachCandleStore(
  deps: object,
  database: Parameters<typeof CandleStore.open>[0],
): CandleStore {
  const store = CandleStore.open(database);
  stores.set(deps, store);
  return store;
}

export function candleStoreOf(deps: ServerDeps): CandleStore {
  const store = stores.get(deps);
  if (!store)
    throw new AppError(
      "INTERNAL",
      "The candle store is not configured on this server (DATABASE_URL is missing).",
    );
  return store;
}
