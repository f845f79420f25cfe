import type { AppRouter } from "@tradegraph/server";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";

// Same origin as the page: the server serves the app and the API on one port (vite proxies in dev).
const url = "/trpc";

/** Queries and mutations batched over HTTP; subscriptions over server-sent events. */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === "subscription",
      true: httpSubscriptionLink({ url }),
      false: httpBatchLink({ url }),
    }),
  ],
});

/** What each procedure returns once serialised to JSON, e.g. RouterOutputs["skeleton"]["get"]. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
