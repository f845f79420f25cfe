import type { AppErrorCode, GraphIssue } from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";
import { initTRPC } from "@trpc/server";
import { ZodError } from "zod";
import { AppError } from "./domain/app-error.ts";
import type { ServerDeps } from "./domain/deps.ts";
import type { RequestInfo } from "./http/request-info.ts";
import type { SkeletonQueue } from "./skeleton-queue.ts";

/** What every procedure can use; built once per process (main.ts) or per test file. */
export interface Context {
  prisma: PrismaClient;
  skeleton: SkeletonQueue;
  /** Domain services (accounts, strategies, runs, ...). Absent only in skeleton-only test setups. */
  deps?: ServerDeps;
  /** Per-request facts: session cookie, client IP, cookie writers. Set by the HTTP adapter or a test. */
  request?: RequestInfo;
}

/** Zod issues flattened onto field paths, e.g. { "params.period": ["Too small: expected number to be >=1"] }. */
export type FieldErrors = Record<string, string[]>;

function flattenZodIssues(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "(input)";
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return fields;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const fieldErrors = error.cause instanceof ZodError ? flattenZodIssues(error.cause) : null;
    const appCode: AppErrorCode =
      error instanceof AppError
        ? error.appCode
        : fieldErrors
          ? "VALIDATION_FAILED"
          : error.code === "UNAUTHORIZED"
            ? "NOT_SIGNED_IN"
            : error.code === "NOT_FOUND"
              ? "NOT_FOUND"
              : "INTERNAL";
    const graphIssues: GraphIssue[] | null = error instanceof AppError ? (error.graphIssues ?? null) : null;
    // Unexpected failures keep their detail in the server log, not in the browser.
    const message =
      appCode === "INTERNAL" && error.code === "INTERNAL_SERVER_ERROR"
        ? "Something went wrong on the server; the error was logged. Try again."
        : fieldErrors
          ? `Some inputs are not valid: ${Object.entries(fieldErrors)
              .slice(0, 3)
              .map(([field, messages]) => `${field}: ${(messages[0] ?? "").replace(/\.$/, "")}`)
              .join("; ")}.`
          : shape.message;
    return { ...shape, message, data: { ...shape.data, fieldErrors, appCode, graphIssues } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

/** Procedures that use the domain services; the sign-in and sign-up procedures are public ones. */
export const servicesProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.deps || !ctx.request)
    throw new AppError("INTERNAL", "The server was started without its services.");
  return next({ ctx: { deps: ctx.deps, request: ctx.request } });
});

/** Every procedure except sign-in and sign-up: requires a valid session cookie. */
export const protectedProcedure = servicesProcedure.use(async ({ ctx, next }) => {
  const user = await ctx.request.currentUser();
  if (!user)
    throw new AppError("NOT_SIGNED_IN", "Sign in to continue (your session is missing or has expired).");
  return next({ ctx: { user, caller: { userId: user.id, ip: ctx.request.ip } } });
});
