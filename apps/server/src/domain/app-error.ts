import type { AppErrorCode, GraphIssue } from "@tradegraph/contracts";
import { TRPCError } from "@trpc/server";

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]["code"];

const trpcCodeOf: Record<AppErrorCode, TrpcCode> = {
  VALIDATION_FAILED: "BAD_REQUEST",
  GRAPH_INVALID: "BAD_REQUEST",
  NOT_SIGNED_IN: "UNAUTHORIZED",
  BAD_CREDENTIALS: "UNAUTHORIZED",
  EMAIL_TAKEN: "CONFLICT",
  TOO_MANY_ATTEMPTS: "TOO_MANY_REQUESTS",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PROMOTION_GATE: "PRECONDITION_FAILED",
  CREDENTIAL_REJECTED: "BAD_REQUEST",
  EXCHANGE_UNREACHABLE: "BAD_GATEWAY",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/**
 * An error a trader can act on: a stable code plus one plain sentence. The tRPC error formatter copies
 * `appCode` and `graphIssues` into `error.data` (contracts: apiErrorDataSchema).
 */
export class AppError extends TRPCError {
  readonly appCode: AppErrorCode;
  readonly graphIssues: GraphIssue[] | undefined;
  constructor(appCode: AppErrorCode, message: string, options: { graphIssues?: GraphIssue[] } = {}) {
    super({ code: trpcCodeOf[appCode], message });
    this.appCode = appCode;
    this.graphIssues = options.graphIssues;
  }
}

/** Same sentence for "does not exist" and "belongs to someone else", so ids cannot be probed. */
export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `That ${what} does not exist or is not yours.`);
}
