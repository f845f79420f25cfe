import { randomBytes } from "node:crypto";
import { decryptSecret, keyIdOf } from "@tradegraph/config";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rotateSecrets } from "../src/secrets/rotate.ts";
import { expectAppError } from "./helpers/errors.ts";
import { type Caller, createHarness, type Harness } from "./helpers/harness.ts";
import { startStub } from "./helpers/stub-exchange.ts";

let h: Harness;
let stub: ExchangeStub;
let trader: Caller;
const responses: unknown[] = [];
const API_KEY = "stub-api-key-0001";
const SECRET = "stub-secret-value-0002";

/** Records every response so the test can prove no key material left the server. */
async function seen<T>(call: Promise<T>): Promise<T> {
  const value = await call;
  responses.push(value);
  return value;
}

beforeAll(async () => {
  const started = await startStub();
  stub = started.stub;
  h = await createHarness({ exchangeFactory: started.factory });
  trader = (await h.signUp()).caller;
});
afterAll(async () => {
  await stub?.stop();
  await h?.close();
});

describe("exchange credentials", () => {
  it("stores keys encrypted and returns only label, exchange, mode and last 4", async () => {
    const added = await seen(
      trader.credentials.add({
        label: "Main",
        exchange: "binance",
        mode: "live",
        apiKey: API_KEY,
        secret: SECRET,
      }),
    );
    expect(Object.keys(added).sort()).toEqual(
      ["createdAt", "exchange", "id", "label", "last4", "lastCheckedAt", "mode", "permissions"].sort(),
    );
    expect(added.last4).toBe("0001");
    const row = await h.db.prisma.exchangeCredential.findUniqueOrThrow({ where: { id: added.id } });
    expect(Buffer.from(row.encrypted).includes(Buffer.from(SECRET))).toBe(false);
    expect(row.keyId).toBe(keyIdOf(h.deps.keyring.current));
    expect(
      JSON.parse(decryptSecret(row.encrypted, h.deps.keyring, `exchange-credential:${row.id}`)),
    ).toMatchObject({
      apiKey: API_KEY,
      secret: SECRET,
    });
    expect((await seen(trader.credentials.list())).map((c) => c.label)).toEqual(["Main"]);
  });

  it("tests the connection against the exchange and reports its permissions", async () => {
    const [credential] = await trader.credentials.list();
    const result = await seen(trader.credentials.testConnection({ credentialId: credential!.id }));
    expect(result).toEqual({
      ok: true,
      usableForLive: true,
      permissions: { canRead: true, canTradeSpot: true, canWithdraw: false, ipRestricted: false },
      message: "The key works: it can read and trade spot, and cannot withdraw.",
    });
    expect(stub.requests.some((r) => r.path === "/sapi/v1/account/apiRestrictions")).toBe(true);
  });

  it("refuses a live key that can withdraw", async () => {
    const [credential] = await trader.credentials.list();
    stub.apiRestrictions.enableWithdrawals = true;
    try {
      const result = await seen(trader.credentials.testConnection({ credentialId: credential!.id }));
      expect(result.ok).toBe(false);
      expect(result.usableForLive).toBe(false);
      expect(result.message).toMatch(/can withdraw funds/);
      expect((await trader.credentials.list())[0]!.permissions?.canWithdraw).toBe(true);
    } finally {
      stub.apiRestrictions.enableWithdrawals = false;
    }
  });

  it("reports a key the exchange rejects without leaking it", async () => {
    const bad = await seen(
      trader.credentials.add({
        label: "Typo",
        exchange: "binance",
        mode: "testnet",
        apiKey: API_KEY,
        secret: "wrong-secret-9999",
      }),
    );
    const result = await seen(trader.credentials.testConnection({ credentialId: bad.id }));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/rejected this key/);
    await seen(trader.credentials.remove({ credentialId: bad.id }));
    expect((await trader.credentials.list()).map((c) => c.label)).toEqual(["Main"]);
    const row = await h.db.prisma.exchangeCredential.findUniqueOrThrow({ where: { id: bad.id } });
    expect(row.encrypted.length).toBe(0); // removed keys are wiped, not just hidden
    await expectAppError(trader.credentials.testConnection({ credentialId: bad.id }), "NOT_FOUND");
  });

  it("writes audit events without key material", async () => {
    const events = await seen(trader.audit.list({}));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["credential.added", "credential.tested", "credential.removed"]),
    );
  });

  it("re-encrypts every secret under a new key during rotation", async () => {
    const newKey = randomBytes(32);
    const keyring = { current: newKey, previous: h.deps.keyring.current };
    const report = await rotateSecrets(h.db.prisma, keyring);
    expect(report).toEqual({ reEncrypted: 1, alreadyCurrent: 0, unreadable: [] });
    const row = await h.db.prisma.exchangeCredential.findFirstOrThrow({ where: { label: "Main" } });
    expect(row.keyId).toBe(keyIdOf(newKey));
    expect(
      JSON.parse(decryptSecret(row.encrypted, { current: newKey }, `exchange-credential:${row.id}`)).secret,
    ).toBe(SECRET);
    expect(await rotateSecrets(h.db.prisma, keyring)).toEqual({
      reEncrypted: 0,
      alreadyCurrent: 1,
      unreadable: [],
    });
    h.deps.keyring.current = newKey;
    h.deps.keyring.previous = undefined;
    expect((await trader.credentials.testConnection({ credentialId: row.id })).ok).toBe(true);
  });

  it("never shows the key or secret in any response, log line or error", async () => {
    const everything = JSON.stringify(responses) + h.logLines.join("\n");
    expect(h.logLines.length).toBeGreaterThan(0);
    for (const secret of [API_KEY, SECRET, "wrong-secret-9999"]) expect(everything).not.toContain(secret);
    // The logger itself scrubs secrets even when a caller logs them by mistake.
    h.deps.logger.error({ apiKey: API_KEY, nested: { secret: SECRET, password: "pw-123456" } }, "oops");
    expect(h.logLines.join("\n")).not.toMatch(/stub-api-key-0001|stub-secret-value-0002|pw-123456/);
    expect(h.logLines.at(-1)).toContain("[redacted]");
  });
});
