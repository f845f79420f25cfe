import { useSyncExternalStore } from "react";

/**
 * Hash routes (`#/strategies/abc`): the server serves one page for every URL, and a hash keeps deep
 * links and reloads working without server-side routing.
 */
export interface Route {
  /** First path segment: "strategies", "data", "deployments", "settings", "pipeline", "" (home). */
  section: string;
  /** Remaining segments, e.g. ["abc"] for #/strategies/abc. */
  rest: string[];
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("?")[0]!.split("/").filter(Boolean).map(decodeURIComponent);
  return { section: parts[0] ?? "", rest: parts.slice(1) };
}

function subscribe(listener: () => void): () => void {
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(path: string): void {
  window.location.hash = path.startsWith("#") ? path : `#${path}`;
}

export function href(path: string): string {
  return `#${path}`;
}
