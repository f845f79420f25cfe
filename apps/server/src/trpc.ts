import type { PrismaClient } from "@tradegraph/db";
import { initTRPC } from "@trpc/server";
import { ZodError } from "zod";
import type { SkeletonQueue } from "./skeleton-queue.ts";

/** What every procedure can use; built once per process (main.ts) or per test file. */
export interface Context {
  prisma: PrismaClient;
  skeleton: SkeletonQueue;
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
    return { ...shape, data: { ...shape.data, fieldErrors } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
