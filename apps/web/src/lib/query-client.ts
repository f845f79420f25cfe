import { QueryClient } from "@tanstack/react-query";
import { isNotSignedIn } from "./api-error.ts";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A missing session is an answer, not a glitch: do not retry it.
      retry: (count, error) => !isNotSignedIn(error) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});
