import { SIGN_IN_MAX_ATTEMPTS } from "@tradegraph/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAppError, expectInputError } from "./helpers/errors.ts";
import { createHarness, type Harness } from "./helpers/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("accounts and sessions", () => {
  it("offers first-account creation until an account exists", async () => {
    expect(await h.anonymous().auth.setupState()).toEqual({ hasAnyAccount: false });
    await h.signUp();
    expect(await h.anonymous().auth.setupState()).toEqual({ hasAnyAccount: true });
  });

  it("signs up with an argon2id hash, sets a session and answers `me`", async () => {
    const { caller, jar, email } = await h.signUp("Alice@Example.com ");
    expect(email).toBe("Alice@Example.com ");
    expect(jar.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await caller.auth.me();
    expect(me.email).toBe("alice@example.com");
    const row = await h.db.prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } });
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    // Only the token's hash is stored.
    const sessions = await h.db.prisma.session.findMany({ where: { userId: row.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).not.toContain(jar.token!);
  });

  it("refuses a second account with the same email", async () => {
    await h.signUp("bob@example.com");
    const error = await expectAppError(
      h.anonymous().auth.signUp({ email: "BOB@example.com", password: "another long password" }),
      "EMAIL_TAKEN",
    );
    expect(error.message).toMatch(/already exists/);
  });

  it("rejects weak passwords and malformed emails before touching the database", async () => {
    await expectInputError(h.anonymous().auth.signUp({ email: "carol@example.com", password: "short" }));
    await expectInputError(
      h.anonymous().auth.signUp({ email: "not-an-email", password: "long enough password" }),
    );
    expect(await h.db.prisma.user.count({ where: { email: "carol@example.com" } })).toBe(0);
  });

  it("signs in with the right password only, and signs out", async () => {
    const { email } = await h.signUp("dave@example.com", "dave's long password");
    await expectAppError(
      h.anonymous().auth.signIn({ email, password: "wrong password!" }),
      "BAD_CREDENTIALS",
    );
    await expectAppError(
      h.anonymous().auth.signIn({ email: "nobody@example.com", password: "whatever123" }),
      "BAD_CREDENTIALS",
    );
    const jar = { token: undefined as string | undefined, expiresAt: undefined as Date | undefined };
    const { createCallerFactory } = await import("../src/trpc.ts");
    const { appRouter } = await import("../src/routers/index.ts");
    const call = () => createCallerFactory(appRouter)(h.context(jar));
    await call().auth.signIn({ email, password: "dave's long password" });
    expect((await call().auth.me()).email).toBe(email);
    const token = jar.token;
    await call().auth.signOut();
    expect(jar.token).toBeUndefined();
    // The old token no longer works even if someone kept it.
    jar.token = token;
    await expectAppError(call().auth.me(), "NOT_SIGNED_IN");
  });

  it("limits failed sign-in attempts per email and IP, in Redis", async () => {
    const { email } = await h.signUp("erin@example.com", "erin's long password");
    for (let i = 0; i < SIGN_IN_MAX_ATTEMPTS; i++) {
      await expectAppError(
        h.anonymous("10.0.0.9").auth.signIn({ email, password: "guess number " + i }),
        "BAD_CREDENTIALS",
      );
    }
    // Even the right password is refused now from that IP ...
    const blocked = await expectAppError(
      h.anonymous("10.0.0.9").auth.signIn({ email, password: "erin's long password" }),
      "TOO_MANY_ATTEMPTS",
    );
    expect(blocked.message).toMatch(/try again in \d+ minute/);
    // ... but not from another address.
    await h.anonymous("10.0.0.10").auth.signIn({ email, password: "erin's long password" });
    const keys = await h.deps.redis.keys(`${h.redis.prefix}:auth:signin:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join()).not.toContain("erin");
  });

  it("requires a session for every procedure except sign-in, sign-up and setup state", async () => {
    const anon = h.anonymous();
    await expectAppError(anon.auth.me(), "NOT_SIGNED_IN");
    await expectAppError(anon.strategies.list({}), "NOT_SIGNED_IN");
    await expectAppError(anon.credentials.list(), "NOT_SIGNED_IN");
    await expectAppError(anon.deployments.list({}), "NOT_SIGNED_IN");
    await expectAppError(anon.audit.list({}), "NOT_SIGNED_IN");
    await expectAppError(anon.backtests.get({ runId: "x" }), "NOT_SIGNED_IN");
  });

  it("rejects an expired session", async () => {
    const { caller, jar } = await h.signUp();
    await h.db.prisma.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) }, where: {} });
    await expectAppError(caller.auth.me(), "NOT_SIGNED_IN");
    expect(jar.token).toBeDefined();
  });
});
