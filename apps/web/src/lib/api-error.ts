import type { AppErrorCode, GraphIssue } from "@tradegraph/contracts";
import { TRPCClientError } from "@trpc/client";

export interface ApiError {
  message: string;
  appCode: AppErrorCode | "NETWORK";
  fieldErrors: Record<string, string[]>;
  graphIssues: GraphIssue[];
}

/** Reads the server's error shape (appCode, field errors, graph issues) from any thrown value. */
export function readApiError(error: unknown): ApiError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as {
      appCode?: AppErrorCode;
      fieldErrors?: Record<string, string[]> | null;
      graphIssues?: GraphIssue[] | null;
    };
    return {
      message: error.message,
      appCode: data.appCode ?? "INTERNAL",
      fieldErrors: data.fieldErrors ?? {},
      graphIssues: data.graphIssues ?? [],
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const network = /fetch|network/i.test(message);
  return {
    message: network ? "The server cannot be reached. Is it running?" : message,
    appCode: network ? "NETWORK" : "INTERNAL",
    fieldErrors: {},
    graphIssues: [],
  };
}

export function isNotSignedIn(error: unknown): boolean {
  return readApiError(error).appCode === "NOT_SIGNED_IN";
}
