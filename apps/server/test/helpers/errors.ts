import type { AppErrorCode } from "@tradegraph/contracts";
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { AppError } from "../../src/domain/app-error.ts";

/** Awaits a call that must fail with `appCode`; returns the error for further checks. */
export async function expectAppError(call: Promise<unknown>, appCode: AppErrorCode): Promise<AppError> {
  const error = await call.then(
    () => {
      throw new Error(`expected ${appCode}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error;
  expect(error.appCode).toBe(appCode);
  return error;
}

/** A zod input error (the error formatter turns it into VALIDATION_FAILED with field errors). */
export async function expectInputError(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => {
      throw new Error("expected an input validation error, but the call succeeded");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  return error as TRPCError;
}
