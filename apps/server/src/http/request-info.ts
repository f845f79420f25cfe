import type {} from "@fastify/cookie"; // adds req.cookies / reply.setCookie types
import { SESSION_COOKIE } from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type SessionUser, userForToken } from "../domain/auth/sessions.ts";

/** What procedures may know about the HTTP request: the session and the client address. */
export interface RequestInfo {
  ip: string | undefined;
  sessionToken(): string | undefined;
  /** The signed-in user, looked up once per request. */
  currentUser(): Promise<SessionUser | null>;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

/** A session cookie store; the HTTP adapter backs it with real cookies, tests with a jar. */
export interface CookieAccess {
  get(): string | undefined;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export function requestInfo(
  prisma: PrismaClient,
  ip: string | undefined,
  cookies: CookieAccess,
): RequestInfo {
  let user: Promise<SessionUser | null> | undefined;
  return {
    ip,
    sessionToken: () => cookies.get(),
    currentUser() {
      user ??= userForToken(prisma, cookies.get());
      return user;
    },
    setSessionCookie(token, expiresAt) {
      user = undefined;
      cookies.set(token, expiresAt);
    },
    clearSessionCookie() {
      user = Promise.resolve(null);
      cookies.clear();
    },
  };
}

/** httpOnly (no script can read it), SameSite=Lax (not sent on cross-site posts), Secure in production. */
export function fastifyCookieAccess(req: FastifyRequest, res: FastifyReply, secure: boolean): CookieAccess {
  return {
    get: () => req.cookies[SESSION_COOKIE],
    set: (token, expiresAt) =>
      void res.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "lax",
        secure,
        path: "/",
        expires: expiresAt,
      }),
    clear: () => void res.clearCookie(SESSION_COOKIE, { path: "/" }),
  };
}
