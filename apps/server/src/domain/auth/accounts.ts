import type { SignInInput, SignUpInput } from "@tradegraph/contracts";
import { Prisma } from "@tradegraph/db";
import { AppError } from "../app-error.ts";
import { recordAudit } from "../audit.ts";
import type { ServerDeps } from "../deps.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords.ts";
import { SignInLimiter } from "./rate-limit.ts";
import { createSession } from "./sessions.ts";

const userSelect = { id: true, email: true, createdAt: true } as const;

/** Whether the start page should offer "create the first account". */
export async function setupState(deps: ServerDeps) {
  return { hasAnyAccount: (await deps.prisma.user.count()) > 0 };
}

export async function signUp(deps: ServerDeps, input: SignUpInput, ip: string | undefined) {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await deps.prisma.user.create({
      data: { email: input.email, passwordHash },
      select: userSelect,
    });
    await recordAudit(deps, { userId: user.id, ip }, "account.created", "user", user.id, {});
    const session = await createSession(deps.prisma, user.id);
    return { user, ...session };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists; sign in instead.");
    }
    throw error;
  }
}

export async function signIn(deps: ServerDeps, input: SignInInput, ip: string | undefined) {
  const limiter = new SignInLimiter(deps.redis, deps.redisPrefix);
  const wait = await limiter.retryAfterSeconds(input.email, ip);
  if (wait > 0) {
    throw new AppError(
      "TOO_MANY_ATTEMPTS",
      `Too many failed sign-in attempts for this email; try again in ${Math.ceil(wait / 60)} minute(s).`,
    );
  }
  const user = await deps.prisma.user.findUnique({
    where: { email: input.email },
    select: { ...userSelect, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await limiter.recordFailure(input.email, ip);
    throw new AppError("BAD_CREDENTIALS", "The email or password is wrong.");
  }
  await limiter.reset(input.email, ip);
  const session = await createSession(deps.prisma, user.id);
  return { user: { id: user.id, email: user.email, createdAt: user.createdAt }, ...session };
}
