import { createHash, randomBytes } from "node:crypto";
import { SESSION_TTL_MS } from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a session and returns the cookie token; only its hash is stored. */
export async function createSession(prisma: PrismaClient, userId: string, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await prisma.session.create({ data: { userId, tokenHash: tokenHash(token), expiresAt } });
  return { token, expiresAt };
}

export interface SessionUser {
  id: string;
  email: string;
  createdAt: Date;
}

/** The signed-in user for a cookie token, or null when absent, unknown or expired. */
export async function userForToken(
  prisma: PrismaClient,
  token: string | undefined,
  now = new Date(),
): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { id: true, expiresAt: true, user: { select: { id: true, email: true, createdAt: true } } },
  });
  if (!session) return null;
  if (session.expiresAt <= now) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  return session.user;
}

export async function deleteSession(prisma: PrismaClient, token: string | undefined): Promise<void> {
  if (!token) return;
  await prisma.session.deleteMany({ where: { tokenHash: tokenHash(token) } });
}
