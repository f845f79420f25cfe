import { z } from "zod";

/**
 * Every error the API returns carries one of these codes in `error.data.appCode` and a sentence a trader
 * understands in `error.message`. Graph errors also say which node and which port or parameter is wrong.
 */
export const APP_ERROR_CODES = [
  "VALIDATION_FAILED",
  "GRAPH_INVALID",
  "NOT_SIGNED_IN",
  "BAD_CREDENTIALS",
  "EMAIL_TAKEN",
  "TOO_MANY_ATTEMPTS",
  "NOT_FOUND",
  "CONFLICT",
  "PROMOTION_GATE",
  "CREDENTIAL_REJECTED",
  "EXCHANGE_UNREACHABLE",
  "INTERNAL",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** One problem in a strategy graph, keyed so the editor can highlight it. */
export const graphIssueSchema = z.object({
  /** Node id the problem belongs to; null for problems of the whole document (e.g. not JSON). */
  nodeId: z.string().nullable(),
  /** Input or output port key, when the problem is about a connection. */
  port: z.string().optional(),
  /** Parameter key, when the problem is about a parameter value. */
  param: z.string().optional(),
  /** Edge id, when the problem is about one edge. */
  edgeId: z.string().optional(),
  message: z.string(),
});
export type GraphIssue = z.infer<typeof graphIssueSchema>;

/** Shape of `error.data` on every tRPC error the server sends. */
export const apiErrorDataSchema = z.object({
  appCode: z.enum(APP_ERROR_CODES),
  /** Field path (dot-joined) → messages, for form inputs. */
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  graphIssues: z.array(graphIssueSchema).optional(),
});
export type ApiErrorData = z.infer<typeof apiErrorDataSchema>;
